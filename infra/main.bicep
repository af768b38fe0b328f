metadata description = 'RetailFunctions in Azure: a Flex Consumption function app with Storage, Service Bus, Key Vault and monitoring, all reached through one user-assigned managed identity.'

import { alertThresholdsType } from 'modules/operations.bicep'

@description('Name of the azd environment (e.g. dev, prod); seeds resource names and the azd-env-name tag.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Azure region for every resource; Flex Consumption must be available there.')
param location string = resourceGroup().location

@description('Replication of the storage account: Standard_LRS for dev, Standard_ZRS for prod.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_GZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Days Log Analytics keeps logs: 30 for dev, 90 or more for prod.')
@minValue(30)
@maxValue(730)
param logAnalyticsRetentionInDays int = 30

@description('Days a deleted Key Vault or secret stays recoverable: 7 for dev, 90 for prod. Cannot change once the vault exists.')
@minValue(7)
@maxValue(90)
param keyVaultSoftDeleteRetentionInDays int = 7

@description('Always-ready instances for the HTTP triggers (webhooks answer within seconds): 0 for dev, at least 1 for prod.')
@minValue(0)
@maxValue(20)
param alwaysReadyHttpInstanceCount int = 0

@description('Upper bound of function app instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory per function app instance in MB.')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Object id of the deploying user or pipeline, granted data-plane roles for local debugging against Azure; empty for none. azd fills it with AZURE_PRINCIPAL_ID.')
param principalId string = ''

@description('Kind of principal behind principalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param principalType string = 'User'

@description('Create the Event Grid subscriptions of the blob triggers. Leave false until the app code is deployed once: the endpoint key exists and answers validation only then (the azd postdeploy hook turns it on).')
param deployBlobTriggerSubscriptions bool = false

@description('Blob-triggered functions fed by Event Grid: the watched container and the function name as in [Function("...")].')
param blobTriggers {
  @description('Event subscription name.')
  name: string
  @description('Container the function watches.')
  container: string
  @description('Function name as in [Function("...")].')
  functionName: string
}[] = [
  {
    name: 'settlements-blob-created'
    container: 'settlements'
    functionName: 'SettlementBlobFunction'
  }
  {
    name: 'inventory-snapshots-blob-created'
    container: 'inventory-snapshots'
    functionName: 'InventorySnapshotBlobFunction'
  }
  {
    name: 'catalog-blob-created'
    container: 'catalog'
    functionName: 'CatalogFileBlobFunction'
  }
]

@description('Shopify webhook signing secret (Channels:Shopify:WebhookSecret).')
@secure()
param shopifyWebhookSecret string

@description('Walmart webhook signing secret (Channels:Walmart:WebhookSecret).')
@secure()
param walmartWebhookSecret string

@description('API key expected on relayed Amazon SP-API notifications (Channels:Amazon:ApiKey).')
@secure()
param amazonApiKey string

@description('Store POS webhook signing secret (Channels:Pos:WebhookSecret).')
@secure()
param posWebhookSecret string

@description('WMS shipment callback signing secret (Shipments:Sources:wms:Secret).')
@secure()
param wmsShipmentsSecret string

@description('3PL shipment callback signing secret (Shipments:Sources:3pl:Secret).')
@secure()
param thirdPartyLogisticsShipmentsSecret string

@description('Carrier shipment callback signing secret (Shipments:Sources:carrier:Secret).')
@secure()
param carrierShipmentsSecret string

@description('Signing secret of inventory adjustments from ERP, WMS and POS (Inventory:AdjustmentsSecret).')
@secure()
param inventoryAdjustmentsSecret string

@description('Signing secret of catalog changes from the ERP or PIM (Catalog:ChangesSecret).')
@secure()
param catalogChangesSecret string

@description('Email addresses notified when an operations alert fires; empty for none (alerts then show in the portal only).')
param alertEmailAddresses string[] = []

@description('Thresholds of the operations alerts (poison messages always alert on the first one).')
param alertThresholds alertThresholdsType = {
  webhookRejectionPercent: 5
  webhookMinimumRequests: 20
  orderFailures: 0
  settlementExceptions: 0
  inventorySyncLagSeconds: 300
  erpErrors: 5
}

var resourceToken = toLower(uniqueString(subscription().id, resourceGroup().id, environmentName, location))
var tags = {
  'azd-env-name': environmentName
}

var names = {
  identity: 'id-${resourceToken}'
  logAnalytics: 'log-${resourceToken}'
  applicationInsights: 'appi-${resourceToken}'
  storage: 'st${resourceToken}'
  systemTopic: 'evgt-${resourceToken}'
  serviceBus: 'sb-${resourceToken}'
  keyVault: 'kv-${resourceToken}'
  plan: 'plan-${resourceToken}'
  functionApp: 'func-${resourceToken}'
  actionGroup: 'ag-${resourceToken}'
}

// Containers, queues and tables the app uses, kept in one file the app's tests can read too.
var storageNames = loadJsonContent('storage-names.json')

var deploymentContainerName = 'app-package'
var eventDeadLetterContainerName = 'blob-events-deadletter'

// Configuration key (environment form) -> Key Vault secret; values come from the secure parameters above.
var keyVaultSettings = [
  {
    appSetting: 'Channels__Shopify__WebhookSecret'
    secretName: 'channels-shopify-webhook-secret'
  }
  {
    appSetting: 'Channels__Walmart__WebhookSecret'
    secretName: 'channels-walmart-webhook-secret'
  }
  {
    appSetting: 'Channels__Amazon__ApiKey'
    secretName: 'channels-amazon-api-key'
  }
  {
    appSetting: 'Channels__Pos__WebhookSecret'
    secretName: 'channels-pos-webhook-secret'
  }
  {
    appSetting: 'Shipments__Sources__wms__Secret'
    secretName: 'shipments-sources-wms-secret'
  }
  {
    appSetting: 'Shipments__Sources__3pl__Secret'
    secretName: 'shipments-sources-3pl-secret'
  }
  {
    appSetting: 'Shipments__Sources__carrier__Secret'
    secretName: 'shipments-sources-carrier-secret'
  }
  {
    appSetting: 'Inventory__AdjustmentsSecret'
    secretName: 'inventory-adjustments-secret'
  }
  {
    appSetting: 'Catalog__ChangesSecret'
    secretName: 'catalog-changes-secret'
  }
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: names.identity
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    retentionInDays: logAnalyticsRetentionInDays
    appIdentityName: identity.name
  }
}

module operations 'modules/operations.bicep' = {
  name: 'operations'
  dependsOn: [
    monitoring
  ]
  params: {
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    actionGroupName: names.actionGroup
    alertEmailAddresses: alertEmailAddresses
    thresholds: alertThresholds
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSkuName
    containerNames: storageNames.containers
    deploymentContainerName: deploymentContainerName
    eventDeadLetterContainerName: eventDeadLetterContainerName
    queueNames: storageNames.queues
    tableNames: storageNames.tables
    rawWebhooksPrefix: 'raw-webhooks/'
    systemTopicName: names.systemTopic
    appIdentityName: identity.name
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    workspaceId: monitoring.outputs.workspaceId
  }
}

module serviceBus 'modules/service-bus.bicep' = {
  name: 'service-bus'
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    topicName: 'retail-events'
    // Starting filters per consumer; each team narrows its own as event types settle.
    subscriptions: [
      {
        name: 'erp'
        sqlFilter: 'eventType LIKE \'order.%\' OR eventType LIKE \'shipment.%\' OR eventType LIKE \'return.%\' OR eventType LIKE \'settlement.%\''
      }
      {
        name: 'wms'
        sqlFilter: 'eventType LIKE \'order.%\' OR eventType LIKE \'return.%\' OR eventType LIKE \'inventory.%\''
      }
      {
        name: 'analytics'
        sqlFilter: 'eventType IS NOT NULL'
      }
    ]
    appIdentityName: identity.name
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    workspaceId: monitoring.outputs.workspaceId
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'key-vault'
  params: {
    name: names.keyVault
    location: location
    tags: tags
    softDeleteRetentionInDays: keyVaultSoftDeleteRetentionInDays
    secretNames: map(keyVaultSettings, setting => setting.secretName)
    secretValues: {
      'channels-shopify-webhook-secret': shopifyWebhookSecret
      'channels-walmart-webhook-secret': walmartWebhookSecret
      'channels-amazon-api-key': amazonApiKey
      'channels-pos-webhook-secret': posWebhookSecret
      'shipments-sources-wms-secret': wmsShipmentsSecret
      'shipments-sources-3pl-secret': thirdPartyLogisticsShipmentsSecret
      'shipments-sources-carrier-secret': carrierShipmentsSecret
      'inventory-adjustments-secret': inventoryAdjustmentsSecret
      'catalog-changes-secret': catalogChangesSecret
    }
    appIdentityName: identity.name
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
    workspaceId: monitoring.outputs.workspaceId
  }
}

module functionApp 'modules/function-app.bicep' = {
  name: 'function-app'
  params: {
    planName: names.plan
    name: names.functionApp
    location: location
    tags: tags
    azdServiceName: 'functions'
    identityId: identity.id
    identityClientId: identity.properties.clientId
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    applicationInsightsConnectionString: monitoring.outputs.applicationInsightsConnectionString
    keyVaultUri: keyVault.outputs.vaultUri
    keyVaultSettings: keyVaultSettings
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReadyHttpInstanceCount: alwaysReadyHttpInstanceCount
    workspaceId: monitoring.outputs.workspaceId
  }
}

module blobTriggerEvents 'modules/blob-trigger-events.bicep' = if (deployBlobTriggerSubscriptions) {
  name: 'blob-trigger-events'
  dependsOn: [
    storage
    functionApp
  ]
  params: {
    systemTopicName: names.systemTopic
    storageAccountName: names.storage
    functionAppName: names.functionApp
    identityId: identity.id
    deadLetterContainerName: eventDeadLetterContainerName
    subscriptions: blobTriggers
  }
}

@description('Region of the deployment.')
output AZURE_LOCATION string = location

@description('Tenant of the deployment.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group of the deployment.')
output AZURE_RESOURCE_GROUP string = resourceGroup().name

@description('Name of the function app (azd deploy target).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Base URL of the function app.')
output AZURE_FUNCTION_APP_URL string = 'https://${functionApp.outputs.defaultHostName}'

@description('Client id of the app\'s user-assigned identity.')
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.properties.clientId

@description('Name of the storage account.')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob endpoint of the storage account (settlement files go to container settlements).')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Host name of the Service Bus namespace.')
output AZURE_SERVICE_BUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace

@description('Name of the enterprise events topic.')
output AZURE_SERVICE_BUS_TOPIC_NAME string = serviceBus.outputs.topicName

@description('Name of the Key Vault holding the channel and callback secrets.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('URI of the Key Vault.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.vaultUri

@description('Name of the Application Insights component.')
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName

@description('Application Insights connection string (local authentication is disabled, so it grants nothing alone).')
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
