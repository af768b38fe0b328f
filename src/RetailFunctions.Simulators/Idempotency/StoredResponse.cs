namespace RetailFunctions.Simulators.Idempotency;

/// <summary>A successful response kept so a repeated <c>Idempotency-Key</c> gets the same answer.</summary>
public sealed record StoredResponse(int StatusCode, string? ContentType, string? Location, byte[] Body)
{
    public async Task WriteAsync(HttpResponse response, bool replayed)
    {
        response.StatusCode = StatusCode;
        response.ContentType = ContentType;
        if (Location is not null)
        {
            response.Headers.Location = Location;
        }

        if (replayed)
        {
            response.Headers["Idempotent-Replayed"] = "true";
        }

        await response.Body.WriteAsync(Body, response.HttpContext.RequestAborted);
    }
}
