using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Benchmarks.Webhooks;

/// <summary>
/// The floor the webhook gate is measured against: an ASP.NET Core endpoint that reads the body and checks Shopify's
/// HMAC, and does nothing else (no dedupe, archive or queue). Run in its own process so its memory is its own.
/// </summary>
internal static class BareWebhookServer
{
    public const string Route = "/bare/webhooks/shopify";

    public static async Task<int> RunAsync(int port, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var app = builder.Build();
        string[] secrets = [secret];
        app.MapPost(Route, async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            return ShopifyWebhookSignature.IsValid(body.GetBuffer().AsSpan(0, (int)body.Length), request.Headers["X-Shopify-Hmac-Sha256"], secrets)
                ? Results.StatusCode(StatusCodes.Status202Accepted)
                : Results.StatusCode(StatusCodes.Status401Unauthorized);
        });
        await app.RunAsync();
        return 0;
    }
}
