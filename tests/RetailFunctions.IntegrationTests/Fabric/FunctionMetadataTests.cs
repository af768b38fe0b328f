using System.Text.Json.Nodes;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>The build's <c>functions.metadata</c>: what both the Functions runtime and the local fabric host bind.</summary>
public sealed class FunctionMetadataTests
{
    private static readonly Dictionary<string, JsonObject> Functions = JsonNode
        .Parse(File.ReadAllText(Path.Combine(RepoPaths.FunctionApp, "functions.metadata")))!.AsArray()
        .Select(f => f!.AsObject())
        .ToDictionary(f => (string)f["name"]!);

    public static TheoryData<string, string, string> HttpFunctions => new()
    {
        { "Health", "get", "health" },
        { "ShopifyWebhook", "post", "webhooks/shopify" },
        { "GetOrder", "get", "orders/{channel}/{channelOrderId}" },
        { "InventoryAdjustments", "post", "inventory/adjustments" },
        { "GetInventory", "get", "inventory/{sku}" },
    };

    [Theory]
    [MemberData(nameof(HttpFunctions))]
    public void Metadata_http_function_has_its_route_and_method(string name, string method, string route)
    {
        var trigger = TriggerOf(name);

        Assert.Equal("httpTrigger", (string?)trigger["type"]);
        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal([method], trigger["methods"]!.AsArray().Select(m => ((string)m!).ToLowerInvariant()));
        Assert.Equal("anonymous", ((string?)trigger["authLevel"])?.ToLowerInvariant());
    }

    public static TheoryData<string, string> QueueFunctions => new()
    {
        { "OrderIngestion", "channel-events" },
        { "InventoryChanges", "inventory-changes" },
    };

    [Theory]
    [MemberData(nameof(QueueFunctions))]
    public void Metadata_queue_function_listens_on_its_queue(string name, string queue)
    {
        var trigger = TriggerOf(name);

        Assert.Equal("queueTrigger", (string?)trigger["type"]);
        Assert.Equal(queue, (string?)trigger["queueName"]);
    }

    public static TheoryData<string, string> OperatorFunctions => new()
    {
        { "SlaBreaches", "sla/breaches" },
        { "AuditEntries", "audit" },
        { "RecoveryChannels", "recovery/channels" },
    };

    [Theory]
    [MemberData(nameof(OperatorFunctions))]
    public void Metadata_operator_query_is_a_get_behind_a_function_key(string name, string route)
    {
        var trigger = TriggerOf(name);

        Assert.Equal(route, (string?)trigger["route"]);
        Assert.Equal(["get"], trigger["methods"]!.AsArray().Select(m => ((string)m!).ToLowerInvariant()));
        Assert.Equal("function", ((string?)trigger["authLevel"])?.ToLowerInvariant());
    }

    [Theory]
    [InlineData("ShopifyOrderRecovery")]
    [InlineData("AmazonOrderRecovery")]
    [InlineData("WalmartOrderRecovery")]
    [InlineData("SlaCheck")]
    public void Metadata_safety_net_timer_ticks_within_seconds(string name)
    {
        var trigger = TriggerOf(name);

        Assert.Equal("timerTrigger", (string?)trigger["type"]);
        Assert.StartsWith("*/", (string?)trigger["schedule"], StringComparison.Ordinal);
    }

    private static JsonObject TriggerOf(string name)
    {
        Assert.True(Functions.ContainsKey(name), $"functions.metadata has no function '{name}'.");
        return Functions[name]["bindings"]!.AsArray().Select(b => b!.AsObject())
            .Single(b => ((string?)b["type"])!.EndsWith("Trigger", StringComparison.Ordinal));
    }
}
