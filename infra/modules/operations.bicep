metadata description = 'Operations view of RetailFunctions over Application Insights: a workbook and log alert rules built on the host\'s traces and requests and the app\'s custom metrics (meter RetailFunctions, see infra/README.md).'

@export()
@description('Alert thresholds; each alert fires when its value is exceeded within the evaluation window.')
type alertThresholdsType = {
  @description('Percent of webhook requests rejected (400, 401, 413, 415) per channel within 15 minutes.')
  webhookRejectionPercent: int
  @description('Webhook requests a channel must receive within 15 minutes before its rejection rate is judged.')
  webhookMinimumRequests: int
  @description('Orders that reached Failed within 15 minutes.')
  orderFailures: int
  @description('Settlement exceptions (variances, unknown or unsettled orders) within an hour.')
  settlementExceptions: int
  @description('Average inventory sync lag per channel in seconds (change seen until the channel confirmed) within 15 minutes.')
  inventorySyncLagSeconds: int
  @description('Failed ERP calls (after retries) within 15 minutes.')
  erpErrors: int
}

@description('Name of the Application Insights component the workbook and alerts read.')
param applicationInsightsName string

@description('Azure region of the workbook and the alert rules.')
param location string

@description('Tags applied to every resource of the module.')
param tags object

@description('Email addresses notified when an alert fires; empty for none (alerts then show in the portal only).')
param alertEmailAddresses string[]

@description('Thresholds of the alert rules.')
param thresholds alertThresholdsType

@description('Name of the action group that notifies operators.')
@maxLength(260)
param actionGroupName string

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

// Webhook paths are /api/webhooks/{channel}; the Functions host logs every message it moves to a poison queue.
var webhookRequests = 'requests | where url has "/api/webhooks/" | extend channel = extract(@"/api/webhooks/([^/?]+)", 1, url)'

var alerts = [
  {
    name: 'poison-messages'
    displayName: 'Poison messages'
    description: 'A queue message failed maxDequeueCount times and was moved to a poison queue. Inspect with ./scripts/retail poison list, fix, then replay.'
    severity: 1
    windowSize: 'PT15M'
    query: 'traces | where message has "Moving message to queue" | extend queue = extract(@"queue \'([^\']+)\'", 1, message) | where queue endswith "-poison" | summarize poisoned = count() by queue'
    measure: 'poisoned'
    aggregation: 'Total'
    threshold: 0
    dimension: 'queue'
  }
  {
    name: 'webhook-rejection-rate'
    displayName: 'Webhook rejection rate'
    description: 'A channel\'s webhooks are being rejected; 401s usually mean a rotated or wrong signing secret.'
    severity: 2
    windowSize: 'PT15M'
    query: '${webhookRequests} | summarize total = count(), rejected = countif(resultCode in ("400", "401", "413", "415")) by channel | where total >= ${thresholds.webhookMinimumRequests} | extend rejectionPercent = 100.0 * rejected / total'
    measure: 'rejectionPercent'
    aggregation: 'Maximum'
    threshold: thresholds.webhookRejectionPercent
    dimension: 'channel'
  }
  {
    name: 'order-failures'
    displayName: 'Order failures'
    description: 'Orders reached the Failed state; the order shows the reason and can be retried.'
    severity: 1
    windowSize: 'PT15M'
    query: 'customMetrics | where name == "retail.orders.status_changed" and tostring(customDimensions.status) == "Failed" | extend channel = tostring(customDimensions.channel) | summarize failures = sum(value) by channel'
    measure: 'failures'
    aggregation: 'Total'
    threshold: thresholds.orderFailures
    dimension: 'channel'
  }
  {
    name: 'settlement-exceptions'
    displayName: 'Settlement exceptions'
    description: 'Settlement reconciliation found variances, unknown orders or shipped but unsettled orders; see the settlement report.'
    severity: 3
    windowSize: 'PT1H'
    query: 'customMetrics | where name == "retail.settlement.exceptions" | extend channel = tostring(customDimensions.channel) | summarize exceptions = sum(value) by channel'
    measure: 'exceptions'
    aggregation: 'Total'
    threshold: thresholds.settlementExceptions
    dimension: 'channel'
  }
  {
    name: 'inventory-sync-lag'
    displayName: 'Inventory sync lag'
    description: 'Stock changes reach a channel late, so it may oversell; check the channel\'s throttling and errors.'
    severity: 2
    windowSize: 'PT15M'
    query: 'customMetrics | where name == "retail.inventory.sync_lag" | extend channel = tostring(customDimensions.channel) | summarize lagSeconds = sum(valueSum) / sum(valueCount) by channel'
    measure: 'lagSeconds'
    aggregation: 'Maximum'
    threshold: thresholds.inventorySyncLagSeconds
    dimension: 'channel'
  }
  {
    name: 'erp-errors'
    displayName: 'ERP errors'
    description: 'Calls to the ERP fail after their retries; orders, invoices and journals wait until it answers.'
    severity: 2
    windowSize: 'PT15M'
    query: 'customMetrics | where name == "retail.erp.errors" | extend operation = tostring(customDimensions.operation) | summarize errors = sum(value) by operation'
    measure: 'errors'
    aggregation: 'Total'
    threshold: thresholds.erpErrors
    dimension: 'operation'
  }
]

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = if (!empty(alertEmailAddresses)) {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'retail-ops'
    enabled: true
    emailReceivers: [
      for (address, i) in alertEmailAddresses: {
        name: 'operator-${i}'
        emailAddress: address
        useCommonAlertSchema: true
      }
    ]
  }
}

resource alertRules 'Microsoft.Insights/scheduledQueryRules@2026-03-01' = [
  for alert in alerts: {
    name: '${applicationInsightsName}-${alert.name}'
    location: location
    tags: tags
    kind: 'LogAlert'
    properties: {
      displayName: 'RetailFunctions: ${alert.displayName}'
      description: alert.description
      severity: alert.severity
      enabled: true
      scopes: [
        applicationInsights.id
      ]
      evaluationFrequency: 'PT5M'
      windowSize: alert.windowSize
      criteria: {
        allOf: [
          {
            query: alert.query
            timeAggregation: alert.aggregation
            metricMeasureColumn: alert.measure
            operator: 'GreaterThan'
            threshold: alert.threshold
            dimensions: [
              {
                name: alert.dimension
                operator: 'Include'
                values: [
                  '*'
                ]
              }
            ]
            failingPeriods: {
              numberOfEvaluationPeriods: 1
              minFailingPeriodsToAlert: 1
            }
          }
        ]
      }
      autoMitigate: true
      actions: {
        actionGroups: empty(alertEmailAddresses) ? [] : [actionGroup.id]
      }
    }
  }
]

resource workbook 'Microsoft.Insights/workbooks@2023-06-01' = {
  name: guid(applicationInsights.id, 'retail-operations-workbook')
  location: location
  tags: tags
  kind: 'shared'
  properties: {
    displayName: 'RetailFunctions operations'
    category: 'workbook'
    sourceId: applicationInsights.id
    // Edited in the portal and exported back to the file; the resource id makes it open on this component anywhere.
    serializedData: string(union(loadJsonContent('../workbooks/operations.json'), {
      fallbackResourceIds: [
        applicationInsights.id
      ]
    }))
  }
}

@description('Names of the alert rules.')
output alertRuleNames string[] = [for (alert, i) in alerts: alertRules[i].name]

@description('Resource id of the operations workbook.')
output workbookId string = workbook.id
