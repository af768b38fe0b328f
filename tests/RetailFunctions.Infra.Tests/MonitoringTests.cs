using System.Text.Json;

namespace RetailFunctions.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class MonitoringTests(CompiledTemplateFixture fixture)
{
    private readonly ArmDeployment deployment = fixture.Deployment;

    [Fact]
    public void ApplicationInsights_workspaceBasedLocalAuthOff()
    {
        var component = deployment.Single("Microsoft.Insights/components").Properties;

        Assert.True(component.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", component.GetProperty("WorkspaceResourceId").GetString());
    }

    [Theory]
    [InlineData("poison-messages", "-poison")]
    [InlineData("webhook-rejection-rate", "/api/webhooks/")]
    [InlineData("order-failures", "retail.orders.status_changed")]
    [InlineData("settlement-exceptions", "retail.settlement.exceptions")]
    [InlineData("inventory-sync-lag", "retail.inventory.sync_lag")]
    [InlineData("erp-errors", "retail.erp.errors")]
    public void Alerts_eachSignal_hasALogAlertOverApplicationInsights(string name, string queried)
    {
        var alert = Alerts().Single(a => a.GetProperty("name").GetString() == name);
        var rule = deployment.Single("Microsoft.Insights/scheduledQueryRules");

        Assert.Contains(queried, deployment.Module("operations").Expand(alert.GetProperty("query")));
        Assert.Equal(
            "[resourceId('Microsoft.Insights/components', parameters('applicationInsightsName'))]",
            Assert.Single(rule.Properties.GetProperty("scopes").EnumerateArray()).GetString());
        Assert.Equal("LogAlert", rule.String("kind"));
    }

    [Fact]
    public void Alerts_poisonMessages_fireOnTheFirstOne()
    {
        var alert = Alerts().Single(a => a.GetProperty("name").GetString() == "poison-messages");
        var criterion = deployment.Single("Microsoft.Insights/scheduledQueryRules").Properties.GetProperty("criteria").GetProperty("allOf")[0];

        Assert.Equal(0, alert.GetProperty("threshold").GetInt32());
        Assert.Equal("GreaterThan", criterion.GetProperty("operator").GetString());
    }

    [Fact]
    public void Workbook_panels_coverTheOperationsSignals()
    {
        var workbook = deployment.Single("Microsoft.Insights/workbooks");
        var content = deployment.Module("operations").Variable("$fxv#0");
        var panels = content.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("type").GetInt32() == 3)
            .ToDictionary(i => i.GetProperty("name").GetString()!, i => i.GetProperty("content"));

        Assert.Equal("shared", workbook.String("kind"));
        Assert.Contains("variables('$fxv#0')", workbook.Properties.GetProperty("serializedData").GetString());
        Assert.Equal("Notebook/1.0", content.GetProperty("version").GetString());
        Assert.Subset(panels.Keys.ToHashSet(), new HashSet<string>
        {
            "webhook-ack-time", "webhook-rejections", "orders-by-status", "order-end-to-end-time",
            "inventory-sync-lag", "channel-throttles", "poison-messages", "settlement-variance",
        });
        Assert.All(panels.Values, p => Assert.False(string.IsNullOrWhiteSpace(p.GetProperty("query").GetString())));
    }

    [Fact]
    public void DiagnosticSettings_storageServiceBusKeyVaultAndApp_sendToTheWorkspace()
    {
        var scopes = deployment.OfType("Microsoft.Insights/diagnosticSettings")
            .Where(d => d.Properties.GetProperty("workspaceId").GetString() == "[parameters('workspaceId')]")
            .Select(d => d.String("scope"))
            .ToList();

        Assert.All(
            new[] { "Microsoft.Storage/storageAccounts'", "Microsoft.Storage/storageAccounts/blobServices'", "Microsoft.ServiceBus/namespaces'", "Microsoft.KeyVault/vaults'", "Microsoft.Web/sites'" },
            type => Assert.Contains(scopes, s => s.StartsWith($"[resourceId('{type}", StringComparison.Ordinal)));
        Assert.All(deployment.Templates.Where(t => t.Module is "storage" or "serviceBus" or "keyVault" or "functionApp"), t =>
            Assert.Equal("[reference('monitoring').outputs.workspaceId.value]", t.Binding("workspaceId").GetString()));
    }

    [Fact]
    public void Parameters_everyTemplate_describesEveryParameter()
    {
        Assert.All(deployment.Templates.SelectMany(t => t.Parameters.Select(p => (t.Module, p))), entry =>
            Assert.True(
                entry.p.Value.TryGetProperty("metadata", out var metadata) && metadata.TryGetProperty("description", out _),
                $"{entry.Module}: parameter {entry.p.Name} has no @description"));
    }

    private List<JsonElement> Alerts() => deployment.Module("operations").Variable("alerts").EnumerateArray().ToList();
}
