using System.Net;
using System.Net.Http.Headers;

namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>
/// Sits outside the cloud ERP client's resilience handler: a call waits for its turn here before the attempt and
/// total timeouts start, and keeps its slot through its retries, so retries never add load beyond the cap.
/// </summary>
internal sealed class ErpThrottlingHandler(ErpThrottle throttle) : DelegatingHandler
{
    /// <summary>What a caller turned away by a full line is told: try again after this.</summary>
    private static readonly TimeSpan FullLineRetryAfter = TimeSpan.FromSeconds(5);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var slot = await throttle.AcquireAsync(cancellationToken);
        if (slot is null)
        {
            return new HttpResponseMessage(HttpStatusCode.TooManyRequests)
            {
                RequestMessage = request,
                Headers = { RetryAfter = new RetryConditionHeaderValue(FullLineRetryAfter) },
            };
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
