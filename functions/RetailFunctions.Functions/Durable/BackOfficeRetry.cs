using Microsoft.DurableTask;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Functions.Durable;

/// <summary>
/// Activity retries for steps that call the ERP, the WMS or a channel: a <see cref="RetryPolicy"/>'s backoff (first
/// interval doubling up to a maximum, a fixed number of attempts, rejections never retried), except that each wait lasts
/// at least the <c>Retry-After</c> the failed call was given (<see cref="RetryAfterHint"/>): such a call ended at once
/// instead of waiting inside the activity (<see cref="RetryLaterScope"/>), so the wait happens here, on a durable timer.
/// </summary>
public static class BackOfficeRetry
{
    private const int BackoffCoefficient = 2;

    /// <summary>
    /// Added to an honoured <c>Retry-After</c>: the Azure Storage backend's timers ride queue messages whose visibility
    /// is set in whole seconds, so a timer can fire up to a second early (measured: a 6 s timer after 5.6 s).
    /// </summary>
    private static readonly TimeSpan TimerSlack = TimeSpan.FromSeconds(1);

    public static TaskOptions Options(int maxAttempts, TimeSpan firstInterval, TimeSpan maxInterval) =>
        TaskOptions.FromRetryHandler(async retry =>
        {
            if (retry.LastAttemptNumber >= maxAttempts || retry.LastFailure.IsCausedBy<BackOfficeRejectedException>())
            {
                return false;
            }

            var wait = Wait(retry.LastAttemptNumber, firstInterval, maxInterval, retry.LastFailure);
            await retry.OrchestrationContext.CreateTimer(wait, retry.CancellationToken);
            return true;
        });

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based): the backoff, or the asked-for <c>Retry-After</c> if longer.</summary>
    private static TimeSpan Wait(int attempt, TimeSpan firstInterval, TimeSpan maxInterval, TaskFailureDetails failure)
    {
        var backoff = firstInterval.TotalSeconds * Math.Pow(BackoffCoefficient, Math.Min(attempt - 1, 30));
        var wait = TimeSpan.FromSeconds(Math.Min(backoff, maxInterval.TotalSeconds));
        for (TaskFailureDetails? cause = failure; cause is not null; cause = cause.InnerFailure)
        {
            if (RetryAfterHint.Read(cause.ErrorMessage) is { } retryAfter && retryAfter + TimerSlack > wait)
            {
                wait = retryAfter + TimerSlack;
            }
        }

        return wait;
    }
}
