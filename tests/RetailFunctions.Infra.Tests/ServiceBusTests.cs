namespace RetailFunctions.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed class ServiceBusTests(CompiledTemplateFixture fixture)
{
    private readonly ArmDeployment deployment = fixture.Deployment;

    [Fact]
    public void Namespace_standardLocalAuthOffTls12()
    {
        var ns = deployment.Single("Microsoft.ServiceBus/namespaces");

        Assert.Equal("Standard", ns.Element.GetProperty("sku").GetProperty("name").GetString());
        Assert.True(ns.Properties.GetProperty("disableLocalAuth").GetBoolean());
        Assert.Equal("1.2", ns.Properties.GetProperty("minimumTlsVersion").GetString());
    }

    [Fact]
    public void Topic_retailEvents_duplicateDetectionTenMinutes()
    {
        var topic = deployment.Single("Microsoft.ServiceBus/namespaces/topics");

        Assert.Equal("retail-events", topic.Template.Binding("topicName").GetString());
        Assert.True(topic.Properties.GetProperty("requiresDuplicateDetection").GetBoolean());
        Assert.Equal("PT10M", topic.Properties.GetProperty("duplicateDetectionHistoryTimeWindow").GetString());
    }

    [Fact]
    public void Subscriptions_maxDeliveryTenAndDeadLetterOnExpiry()
    {
        var subscription = deployment.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions").Properties;

        Assert.Equal(10, subscription.GetProperty("maxDeliveryCount").GetInt32());
        Assert.True(subscription.GetProperty("deadLetteringOnMessageExpiration").GetBoolean());
    }

    [Fact]
    public void Subscriptions_erpWmsAnalytics_eachReplacesDefaultRuleWithSqlFilterOnEventType()
    {
        var bound = deployment.Module("serviceBus").Binding("subscriptions").EnumerateArray().ToList();
        var rule = deployment.Single("Microsoft.ServiceBus/namespaces/topics/subscriptions/rules");

        Assert.Equal(["erp", "wms", "analytics"], bound.Select(s => s.GetProperty("name").GetString()));
        Assert.All(bound, s => Assert.Contains("eventType", s.GetProperty("sqlFilter").GetString()));
        Assert.EndsWith("'$Default')]", rule.String("name"));
        Assert.Equal("SqlFilter", rule.Properties.GetProperty("filterType").GetString());
    }
}
