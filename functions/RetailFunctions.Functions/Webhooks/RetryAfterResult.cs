using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace RetailFunctions.Functions.Webhooks;

/// <summary>An answer that asks the sender to come back after <paramref name="RetryAfterSeconds"/> (<c>Retry-After</c>).</summary>
internal sealed record RetryAfterResult(IActionResult Inner, int RetryAfterSeconds) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        context.HttpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return Inner.ExecuteResultAsync(context);
    }
}
