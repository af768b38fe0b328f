using System.Text.Json;

namespace RetailFunctions.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageTests(CompiledTemplateFixture fixture)
{
    private readonly ArmDeployment deployment = fixture.Deployment;

    [Fact]
    public void StorageAccount_security_sharedKeysOffTls12NoPublicBlobs()
    {
        var account = deployment.Single("Microsoft.Storage/storageAccounts").Properties;

        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
        Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
        Assert.True(account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
    }

    [Fact]
    public void Containers_publicAccess_none()
    {
        var containers = deployment.Single("Microsoft.Storage/storageAccounts/blobServices/containers");

        Assert.Equal("None", containers.Properties.GetProperty("publicAccess").GetString());
    }

    [Fact]
    public void StorageNames_containersQueuesAndTables_includeWhatTheAppUses()
    {
        var names = deployment.Main.Variable("storageNames");

        Assert.Subset(
            Names(names, "containers"),
            new HashSet<string> { "settlements", "settlement-reports", "settlements-quarantine", "raw-webhooks", "inventory-snapshots", "catalog" });
        Assert.Subset(
            Names(names, "queues"),
            new HashSet<string>
            {
                "channel-events", "channel-events-poison", "inventory-changes", "inventory-changes-poison",
                "shipment-callbacks", "shipment-callbacks-poison", "retail-events-local",
            });
        Assert.Subset(Names(names, "tables"), new HashSet<string> { "orders", "webhookreceipts" });
        var storage = deployment.Module("storage");
        Assert.Equal("[variables('storageNames').containers]", storage.Binding("containerNames").GetString());
        Assert.Equal("[variables('storageNames').queues]", storage.Binding("queueNames").GetString());
        Assert.Equal("[variables('storageNames').tables]", storage.Binding("tableNames").GetString());
    }

    [Fact]
    public void Queues_everyTriggerQueue_hasItsPoisonQueue()
    {
        var queues = Names(deployment.Main.Variable("storageNames"), "queues");

        foreach (var queue in queues.Where(q => q.EndsWith("-poison", StringComparison.Ordinal)))
        {
            Assert.Contains(queue[..^"-poison".Length], queues);
        }

        Assert.All(new[] { "channel-events", "inventory-changes", "shipment-callbacks" }, q => Assert.Contains(q + "-poison", queues));
    }

    [Fact]
    public void Lifecycle_rawWebhooks_coolAfter30DaysDeleteAfter400()
    {
        var policy = deployment.Single("Microsoft.Storage/storageAccounts/managementPolicies");
        var rule = Assert.Single(policy.Properties.GetProperty("policy").GetProperty("rules").EnumerateArray());
        var definition = rule.GetProperty("definition");
        var prefix = Assert.Single(definition.GetProperty("filters").GetProperty("prefixMatch").EnumerateArray()).GetString();
        var actions = definition.GetProperty("actions").GetProperty("baseBlob");

        Assert.True(rule.GetProperty("enabled").GetBoolean());
        Assert.Equal("[parameters('rawWebhooksPrefix')]", prefix);
        Assert.Equal("raw-webhooks/", policy.Template.Binding("rawWebhooksPrefix").GetString());
        Assert.Equal(30, actions.GetProperty("tierToCool").GetProperty("daysAfterModificationGreaterThan").GetInt32());
        Assert.Equal(400, actions.GetProperty("delete").GetProperty("daysAfterModificationGreaterThan").GetInt32());
    }

    [Fact]
    public void EventGrid_blobTriggers_useSystemTopicOverTheAccountWithBlobCreatedSubscriptions()
    {
        var topic = deployment.Single("Microsoft.EventGrid/systemTopics");
        var subscription = deployment.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties;
        var endpoint = subscription.GetProperty("destination").GetProperty("properties").GetProperty("endpointUrl").GetString();

        Assert.Equal("Microsoft.Storage.StorageAccounts", topic.Properties.GetProperty("topicType").GetString());
        Assert.Contains("/runtime/webhooks/blobs?functionName=Host.Functions.", endpoint);
        Assert.Equal(["Microsoft.Storage.BlobCreated"], subscription.GetProperty("filter").GetProperty("includedEventTypes").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains(
            deployment.Main.Root.GetProperty("parameters").GetProperty("blobTriggers").GetProperty("defaultValue").EnumerateArray(),
            t => t.GetProperty("container").GetString() == "settlements");
    }

    private static HashSet<string> Names(JsonElement storageNames, string kind) =>
        storageNames.GetProperty(kind).EnumerateArray().Select(e => e.GetString()!).ToHashSet();
}
