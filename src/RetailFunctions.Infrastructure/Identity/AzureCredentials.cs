using Azure.Core;
using Azure.Identity;
using Microsoft.Extensions.Configuration;

namespace RetailFunctions.Infrastructure.Identity;

/// <summary>
/// The credential for an identity-based connection section (<c>AzureWebJobsStorage</c>, <c>ServiceBus</c>): the
/// user-assigned managed identity named by <c>clientId</c> in Azure, the developer's sign-in otherwise.
/// </summary>
internal static class AzureCredentials
{
    public static TokenCredential For(IConfigurationSection section)
    {
        var clientId = section["clientId"];
        return string.IsNullOrWhiteSpace(clientId)
            ? new DefaultAzureCredential()
            : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
    }
}
