metadata description = 'Service Bus namespace (Entra only) with the retail-events topic and one filtered subscription per enterprise consumer.'

@description('Name of the Service Bus namespace.')
@minLength(6)
@maxLength(50)
param name string

@description('Azure region of the namespace.')
param location string

@description('Tags applied to the namespace.')
param tags object

@description('Name of the topic the outbox relay publishes enterprise events to.')
param topicName string

@description('Subscriptions on the topic, each with the SQL filter over the eventType application property that selects its events.')
param subscriptions {
  @description('Subscription name, one per consuming system.')
  name: string
  @description('SQL filter expression evaluated against the message\'s application properties.')
  sqlFilter: string
}[]

@description('Name of the app\'s user-assigned identity; it may only send to the topic.')
param appIdentityName string

@description('Principal id of the deploying user or pipeline for local debugging against Azure; empty for none.')
param deployerPrincipalId string

@description('Kind of principal behind deployerPrincipalId.')
@allowed([
  'User'
  'ServicePrincipal'
  'Group'
])
param deployerPrincipalType string

@description('Resource id of the Log Analytics workspace for diagnostic settings.')
param workspaceId string

var dataSender = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39')

// A developer debugging against Azure sends as the app does and reads the subscriptions to see what went out.
var deployerRoles = [
  '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39' // Azure Service Bus Data Sender
  '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' // Azure Service Bus Data Receiver
]

resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: appIdentityName
}

resource namespace 'Microsoft.ServiceBus/namespaces@2026-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2026-01-01' = {
  parent: namespace
  name: topicName
  properties: {
    // The relay sets MessageId = event id, so a re-published outbox row within the window is dropped.
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: 'PT10M'
    defaultMessageTimeToLive: 'P14D'
    enableBatchedOperations: true
    supportOrdering: true
    maxSizeInMegabytes: 1024
  }
}

resource topicSubscriptions 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2026-01-01' = [
  for subscription in subscriptions: {
    parent: topic
    name: subscription.name
    properties: {
      maxDeliveryCount: 10
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      lockDuration: 'PT1M'
      defaultMessageTimeToLive: 'P14D'
      enableBatchedOperations: true
    }
  }
]

// Replacing $Default (a TrueFilter) rather than adding a rule beside it, which would let every event through.
resource filters 'Microsoft.ServiceBus/namespaces/topics/subscriptions/rules@2026-01-01' = [
  for (subscription, i) in subscriptions: {
    parent: topicSubscriptions[i]
    name: '$Default'
    properties: {
      filterType: 'SqlFilter'
      sqlFilter: {
        sqlExpression: subscription.sqlFilter
      }
    }
  }
]

resource appSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(topic.id, appIdentity.id, dataSender)
  scope: topic
  properties: {
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: dataSender
  }
}

resource deployerRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in deployerRoles: if (!empty(deployerPrincipalId)) {
    name: guid(topic.id, deployerPrincipalId, subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role))
    scope: topic
    properties: {
      principalId: deployerPrincipalId
      principalType: deployerPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

// Microsoft.Insights/diagnosticSettings has no GA API version newer than 2016-09-01, which lacks category groups.
#disable-next-line use-recent-api-versions
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: workspaceId
    logs: [
      {
        categoryGroup: 'allLogs'
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

@description('Name of the namespace.')
output name string = namespace.name

@description('Fully qualified namespace host name, for ServiceBus__fullyQualifiedNamespace.')
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]

@description('Name of the enterprise events topic.')
output topicName string = topic.name
