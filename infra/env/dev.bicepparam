// Development environment for `az deployment group create --parameters infra/env/dev.bicepparam`.
// Secrets are read from the environment when the file is compiled; none is stored here.
using '../main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'dev')
param principalId = readEnvironmentVariable('AZURE_PRINCIPAL_ID', '')
param storageSkuName = 'Standard_LRS'
param logAnalyticsRetentionInDays = 30
param keyVaultSoftDeleteRetentionInDays = 7
param alwaysReadyHttpInstanceCount = 0
param maximumInstanceCount = 40
param deployBlobTriggerSubscriptions = bool(readEnvironmentVariable('DEPLOY_BLOB_TRIGGER_SUBSCRIPTIONS', 'false'))

param shopifyWebhookSecret = readEnvironmentVariable('SHOPIFY_WEBHOOK_SECRET')
param walmartWebhookSecret = readEnvironmentVariable('WALMART_WEBHOOK_SECRET')
param amazonApiKey = readEnvironmentVariable('AMAZON_API_KEY')
param posWebhookSecret = readEnvironmentVariable('POS_WEBHOOK_SECRET')
param wmsShipmentsSecret = readEnvironmentVariable('SHIPMENTS_WMS_SECRET')
param thirdPartyLogisticsShipmentsSecret = readEnvironmentVariable('SHIPMENTS_3PL_SECRET')
param carrierShipmentsSecret = readEnvironmentVariable('SHIPMENTS_CARRIER_SECRET')
param inventoryAdjustmentsSecret = readEnvironmentVariable('INVENTORY_ADJUSTMENTS_SECRET')
param catalogChangesSecret = readEnvironmentVariable('CATALOG_CHANGES_SECRET')
