using System.Net;
using System.Net.Http.Headers;

namespace RetailFunctions.Infrastructure.BackOffice.Erp;

/// <summary>
/// The two halves of <see cref="ErpThrottle"/> around the cloud ERP client's resilience handler: outside it a call
/// waits for a slot (before its timeouts start) and keeps it through its retries; inside it every attempt, retries
/// included, waits for a token, so retries never push the ERP past its rate.
/// </summary>
internal abstract class ErpThrottlingHandler : DelegatingHandler
{
    /// <summary>What a caller turned away by a full line is told: try again after this.</summary>
    private static readonly TimeSpan FullLineRetryAfter = TimeSpan.FromSeconds(5);

    protected abstract Task<IDisposable?> AcquireAsync(CancellationToken cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var permit = await AcquireAsync(cancellationToken);
        if (permit is null)
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
