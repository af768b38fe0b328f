metadata description = 'Flex Consumption function app (.NET isolated) that reaches Storage, Service Bus, Key Vault and Application Insights with one user-assigned identity and no keys.'

@description('Name of the Flex Consumption plan.')
param planName string

@description('Name of the function app.')
param name string

@description('Azure region of the plan and the app.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Service name in azure.yaml; azd finds the app to deploy to through the azd-service-name tag.')
param azdServiceName string

@description('Resource id of the user-assigned identity the app runs as.')
param identityId string

@description('Client id of the user-assigned identity, for identity-based connections.')
param identityClientId string

@description('Blob endpoint of the storage account, with a trailing slash.')
param blobEndpoint string

@description('Queue endpoint of the storage account.')
param queueEndpoint string

@description('Table endpoint of the storage account.')
param tableEndpoint string

@description('Blob container that holds the deployment package.')
param deploymentContainerName string

@description('Host name of the Service Bus namespace.')
param serviceBusFullyQualifiedNamespace string

@description('Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Key Vault URI with a trailing slash.')
param keyVaultUri string

@description('App settings resolved from Key Vault, each naming the configuration key and the secret that holds its value.')
param keyVaultSettings {
  @description('App setting name, i.e. the configuration key with __ as separator.')
  appSetting: string
  @description('Name of the secret in the vault.')
  secretName: string
}[]

@description('Upper bound of instances the app scales out to.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory per instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int

@description('Always-ready instances for the HTTP trigger group, so webhooks are acknowledged without a cold start; 0 for none.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstanceCount int

@description('Resource id of the Log Analytics workspace for diagnostic settings.')
param workspaceId string

// Identity-based connections only: the runtime and SDK clients pick the user-assigned identity by client id.
var identitySettings = {
  AzureWebJobsStorage__credential: 'managedidentity'
  AzureWebJobsStorage__clientId: identityClientId
  AzureWebJobsStorage__blobServiceUri: blobEndpoint
  AzureWebJobsStorage__queueServiceUri: queueEndpoint
  AzureWebJobsStorage__tableServiceUri: tableEndpoint
  // The Durable task hub's connection (host.json storageProvider.connectionName): the same account here, one that
  // outscales the app's load; pointing it at a second account separates the task hub's traffic from the app's.
  DurableTaskStorage__credential: 'managedidentity'
  DurableTaskStorage__clientId: identityClientId
  DurableTaskStorage__blobServiceUri: blobEndpoint
  DurableTaskStorage__queueServiceUri: queueEndpoint
  DurableTaskStorage__tableServiceUri: tableEndpoint
  ServiceBus__fullyQualifiedNamespace: serviceBusFullyQualifiedNamespace
  ServiceBus__credential: 'managedidentity'
  ServiceBus__clientId: identityClientId
  AZURE_CLIENT_ID: identityClientId
  APPLICATIONINSIGHTS_CONNECTION_STRING: applicationInsightsConnectionString
  APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
}

// Versionless secret URIs: a rotated secret is picked up without redeploying the app.
var keyVaultReferences = toObject(
  keyVaultSettings,
  setting => setting.appSetting,
  setting => '@Microsoft.KeyVault(SecretUri=${keyVaultUri}secrets/${setting.secretName})'
)

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': azdServiceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      minTlsVersion: '1.2'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${blobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReadyHttpInstanceCount > 0
          ? [
              {
                name: 'http'
                instanceCount: alwaysReadyHttpInstanceCount
              }
            ]
          : []
      }
      runtime: {
        name: 'dotnet-isolated'
        version: '10.0'
      }
    }
  }
}

resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: functionApp
  name: 'appsettings'
  properties: union(identitySettings, keyVaultReferences)
}

// Microsoft.Insights/diagnosticSettings has no GA API version newer than 2016-09-01, which lacks category groups.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: functionApp
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        category: 'FunctionAppLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

@description('Name of the function app.')
output name string = functionApp.name

@description('Default host name of the app (Flex Consumption adds a unique suffix to the app name).')
output defaultHostName string = functionApp.properties.defaultHostName
