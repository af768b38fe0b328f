metadata description = 'Event Grid subscriptions that deliver BlobCreated events to the function app\'s blob triggers (Event Grid source, required on Flex Consumption). Deploy only once the app code runs: the blobs_extension system key exists after the host has loaded a blob trigger, and Event Grid validates the endpoint when the subscription is created.'

@description('Name of the Event Grid system topic over the storage account.')
param systemTopicName string

@description('Name of the storage account; also the destination of dead-lettered events.')
param storageAccountName string

@description('Name of the function app hosting the blob triggers.')
param functionAppName string

@description('Resource id of the user-assigned identity (assigned to the system topic) that writes dead-lettered events.')
param identityId string

@description('Container that receives events Event Grid could not deliver.')
param deadLetterContainerName string

@description('One subscription per blob-triggered function.')
param subscriptions {
  @description('Event subscription name.')
  name: string
  @description('Container the function watches.')
  container: string
  @description('Function name as in [Function("...")], i.e. the Host.Functions.<name> target of the blobs extension.')
  functionName: string
}[]

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource storage 'Microsoft.Storage/storageAccounts@2026-06-01' existing = {
  name: storageAccountName
}

resource functionApp 'Microsoft.Web/sites@2025-03-01' existing = {
  name: functionAppName
}

// Documented endpoint of the blobs extension: https://<host>/runtime/webhooks/blobs?functionName=Host.Functions.<name>&code=<blobs_extension key>
var blobsExtensionKey = listKeys('${functionApp.id}/host/default', '2025-03-01').systemKeys.blobs_extension

resource eventSubscriptions 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = [
  for subscription in subscriptions: {
    parent: systemTopic
    name: subscription.name
    properties: {
      eventDeliverySchema: 'EventGridSchema'
      destination: {
        endpointType: 'WebHook'
        properties: {
          endpointUrl: 'https://${functionApp.properties.defaultHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${subscription.functionName}&code=${uriComponent(blobsExtensionKey)}'
          maxEventsPerBatch: 1
        }
      }
      filter: {
        includedEventTypes: [
          'Microsoft.Storage.BlobCreated'
        ]
        subjectBeginsWith: '/blobServices/default/containers/${subscription.container}/blobs/'
      }
      retryPolicy: {
        maxDeliveryAttempts: 30
        eventTimeToLiveInMinutes: 1440
      }
      // A file whose event could not be delivered for a day is kept here for replay instead of being lost.
      deadLetterWithResourceIdentity: {
        identity: {
          type: 'UserAssigned'
          userAssignedIdentity: identityId
        }
        deadLetterDestination: {
          endpointType: 'StorageBlob'
          properties: {
            resourceId: storage.id
            blobContainerName: deadLetterContainerName
          }
        }
      }
    }
  }
]

@description('Names of the event subscriptions created.')
output subscriptionNames string[] = [for (subscription, i) in subscriptions: eventSubscriptions[i].name]
