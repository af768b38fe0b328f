using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Webhooks;

internal static class WebhookRequestReader
{
    public static WebhookHttpRequest ToWebhookRequest(this HttpRequest request) => new(
        request.Method,
        request.PathBase.Add(request.Path).Value ?? "/",
        request.ContentType,
        request.ContentLength,
        name => request.Headers.TryGetValue(name, out var value) ? value.ToString() : null,
        request.Body,
        Activity.Current?.Id ?? request.Headers.TraceParent.ToString());
}
