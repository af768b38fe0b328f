using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Settlements.Processing;

namespace RetailFunctions.Functions.Settlements;

/// <summary>A settlement file uploaded to <c>settlements/{channel}/{name}</c>; Event Grid delivers it on Flex Consumption.</summary>
public sealed class SettlementBlobFunction(SettlementFileHandler handler)
{
    [Function(nameof(SettlementBlobFunction))]
    public async Task Run(
        [BlobTrigger(SettlementFile.Container + "/{channel}/{name}", Source = BlobTriggerSource.EventGrid)] Stream blob,
        string channel,
        string name,
        CancellationToken cancellationToken)
    {
        await handler.HandleAsync(new SettlementFile(channel, name), blob, cancellationToken);
    }
}
