using System.Collections.Concurrent;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Functions.Tests.Fakes;

internal sealed class FakeWmsClient : IWmsClient
{
    public ConcurrentQueue<FulfilmentRequest> Requests { get; } = new();

    public Task RequestFulfilmentAsync(FulfilmentRequest request, string idempotencyKey, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        return Task.CompletedTask;
    }
}
