namespace RetailFunctions.Simulators.Faults;

/// <summary>
/// One injected fault, as posted to <c>/_sim/faults/{system}</c>. It applies to the next <see cref="Count"/> requests,
/// or for <see cref="DurationSeconds"/>, or until cleared when neither is given.
/// </summary>
/// <param name="Status">Answer with this status instead of the real response (e.g. 503, or 429 with <see cref="RetryAfterSeconds"/>).</param>
/// <param name="LatencyMs">Delay before the request is handled (or before the fault status is sent).</param>
/// <param name="Timeout">Hold the request open until the caller gives up.</param>
/// <param name="Operation">Only this operation of the system (e.g. <c>getOrder</c>); every operation when absent.</param>
/// <param name="AfterProcessing">Handle the request (state changes are kept) and only then answer with <see cref="Status"/>:
/// the "response lost" case that idempotency keys exist for.</param>
public sealed record FaultSpec(
    int? Status = null,
    int? Count = null,
    double? DurationSeconds = null,
    int? RetryAfterSeconds = null,
    int? LatencyMs = null,
    bool Timeout = false,
    string? Operation = null,
    bool AfterProcessing = false)
{
    public string? Validate()
    {
        if (Status is null && LatencyMs is null && !Timeout)
        {
            return "Give at least one of status, latencyMs or timeout.";
        }

        if (Status is < 400 or > 599)
        {
            return "status must be a 4xx or 5xx code.";
        }

        if (Count is <= 0 || DurationSeconds is <= 0 || LatencyMs is < 0 || RetryAfterSeconds is < 0)
        {
            return "count and durationSeconds must be positive; latencyMs and retryAfterSeconds not negative.";
        }

        return AfterProcessing && Status is null ? "afterProcessing needs a status." : null;
    }
}
