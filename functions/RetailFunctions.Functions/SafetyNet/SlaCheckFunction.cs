using Microsoft.Azure.Functions.Worker;
using RetailFunctions.Core.Sla;

namespace RetailFunctions.Functions.SafetyNet;

/// <summary>Every 10 seconds: flows still running past their threshold raise their breach (finished flows are judged as they finish).</summary>
public sealed class SlaCheckFunction(SlaTracker tracker)
{
    [Function("SlaCheck")]
    public Task Run([TimerTrigger("*/10 * * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        tracker.CheckAsync(cancellationToken);
}
