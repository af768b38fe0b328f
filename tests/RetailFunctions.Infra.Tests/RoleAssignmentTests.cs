using System.Text.RegularExpressions;

namespace RetailFunctions.Infra.Tests;

[Collection(CompiledTemplateCollection.Name)]
public sealed partial class RoleAssignmentTests(CompiledTemplateFixture fixture)
{
    private const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string ServiceBusDataSender = "69a216fc-b8fb-44d8-bc22-1f3c2cd27a39";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private readonly ArmDeployment deployment = fixture.Deployment;

    public static TheoryData<string, string[]> AppRolesByScope => new()
    {
        { "Microsoft.Storage/storageAccounts", [BlobDataContributor, QueueDataContributor, TableDataContributor] },
        { "Microsoft.ServiceBus/namespaces/topics", [ServiceBusDataSender] },
        { "Microsoft.KeyVault/vaults", [KeyVaultSecretsUser] },
        { "Microsoft.Insights/components", [MonitoringMetricsPublisher] },
    };

    [Theory]
    [MemberData(nameof(AppRolesByScope))]
    public void AppIdentity_rolesOnScope_exactlyTheLeastPrivilegedOnes(string scopeType, string[] roles)
    {
        var assigned = AppAssignments().Where(a => ScopeType(a) == scopeType).SelectMany(RoleIds).Order();

        Assert.Equal(roles.Order(), assigned);
    }

    [Fact]
    public void AppIdentity_roles_onlyOnTheExpectedScopes()
    {
        var scopes = AppAssignments().Select(ScopeType).Distinct().Order();

        Assert.Equal(AppRolesByScope.Select(row => (string)row[0]).Order(), scopes);
    }

    [Fact]
    public void ServiceBusRoles_neverOnTheNamespace()
    {
        Assert.DoesNotContain(Assignments(), a => ScopeType(a) == "Microsoft.ServiceBus/namespaces");
    }

    [Fact]
    public void RoleAssignments_named_guidOfScopePrincipalAndRole()
    {
        Assert.All(Assignments(), assignment =>
        {
            var name = assignment.String("name");
            var scope = Inner(assignment.String("scope"));
            var role = Inner(assignment.Properties.GetProperty("roleDefinitionId").GetString()!);

            Assert.StartsWith($"[guid({scope}, ", name);
            Assert.EndsWith($", {role})]", name);
        });
    }

    [Fact]
    public void RoleAssignments_roleDefinitionIds_builtInDataRolesNeverBroadOnes()
    {
        string[] broad =
        [
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
            "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", // User Access Administrator
            "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            "090c5cfd-751d-490a-894a-3ce6f1109419", // Azure Service Bus Data Owner
            "00482a5a-887f-4fb3-b363-3b7fe8e74483", // Key Vault Administrator
        ];

        Assert.All(Assignments(), assignment =>
        {
            var roleDefinitionId = assignment.Template.Expand(assignment.Properties.GetProperty("roleDefinitionId"));

            Assert.Contains("subscriptionResourceId('Microsoft.Authorization/roleDefinitions', ", roleDefinitionId);
            Assert.NotEmpty(RoleIds(assignment));
            Assert.DoesNotContain(RoleIds(assignment), broad.Contains);
        });
    }

    private IEnumerable<ArmResource> Assignments() => deployment.OfType("Microsoft.Authorization/roleAssignments");

    private IEnumerable<ArmResource> AppAssignments() =>
        Assignments().Where(a => a.Properties.GetProperty("principalId").GetString()!.Contains("appIdentity", StringComparison.Ordinal));

    private static string ScopeType(ArmResource assignment)
    {
        var match = ResourceIdType().Match(assignment.String("scope"));
        Assert.True(match.Success, $"{assignment} has no resource scope: {assignment.String("scope")}");
        return match.Groups[1].Value;
    }

    private static IEnumerable<string> RoleIds(ArmResource assignment) =>
        Guid().Matches(assignment.Template.Expand(assignment.Properties.GetProperty("roleDefinitionId"))).Select(m => m.Value);

    private static string Inner(string expression) => expression.TrimStart('[').TrimEnd(']');

    [GeneratedRegex(@"^\[resourceId\('([^']+)'")]
    private static partial Regex ResourceIdType();

    [GeneratedRegex(@"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Guid();
}
