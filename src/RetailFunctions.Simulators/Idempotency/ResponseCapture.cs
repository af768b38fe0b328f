using Microsoft.AspNetCore.Http.Features;

namespace RetailFunctions.Simulators.Idempotency;

public static class ResponseCapture
{
    /// <summary>Runs the handler with the response body buffered, so it can be stored, replayed or replaced.</summary>
    public static async Task<StoredResponse> RunAsync(HttpContext context, RequestDelegate next)
    {
        var original = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        using var buffer = new MemoryStream();
        var capture = new StreamResponseBodyFeature(buffer, original);
        context.Features.Set<IHttpResponseBodyFeature>(capture);
        try
        {
            await next(context);
            await capture.CompleteAsync();
        }
        finally
        {
            context.Features.Set(original);
        }

        return new StoredResponse(context.Response.StatusCode, context.Response.ContentType, context.Response.Headers.Location, buffer.ToArray());
    }
}
