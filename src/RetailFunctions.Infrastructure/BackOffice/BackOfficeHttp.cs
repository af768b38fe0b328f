using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Polly.CircuitBreaker;
using Polly.Timeout;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>
/// Sends through the client's resilience pipeline and turns what is left of a failure into a
/// <see cref="BackOfficeRejectedException"/> (do not retry) or <see cref="BackOfficeUnavailableException"/> (may retry later).
/// </summary>
public static class BackOfficeHttp
{
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    private const int MaxDetailLength = 300;

    public static HttpRequestMessage Json<T>(HttpMethod method, string path, T body, JsonTypeInfo<T> typeInfo, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, typeInfo) };
        if (idempotencyKey is not null)
        {
            request.Headers.Add(IdempotencyKeyHeader, idempotencyKey);
        }

        return request;
    }

    /// <summary>The response when successful; the caller disposes it.</summary>
    public static async Task<HttpResponseMessage> SendAsync(HttpClient http, HttpRequestMessage request, string system, string operation, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new BackOfficeUnavailableException(system, operation, null, ex.HttpRequestError.ToString(), ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new BackOfficeUnavailableException(system, operation, null, "timed out", ex);
        }
        catch (BrokenCircuitException ex)
        {
            throw new BackOfficeUnavailableException(system, operation, null, "circuit open after repeated failures", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var detail = await DetailAsync(response, cancellationToken);
            if (status is 408 or 429 or >= 500)
            {
                throw new BackOfficeUnavailableException(system, operation, status, detail) { RetryAfter = RetryAfter(response) };
            }

            throw new BackOfficeRejectedException(system, operation, status, detail);
        }
    }

    public static async Task SendAndForgetAsync(HttpClient http, HttpRequestMessage request, string system, string operation, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(http, request, system, operation, cancellationToken);
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response, JsonTypeInfo<T> typeInfo, string system, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync(typeInfo, cancellationToken)
                ?? throw new BackOfficeRejectedException(system, operation, (int)response.StatusCode, "empty response body");
        }
        catch (JsonException ex)
        {
            throw new BackOfficeRejectedException(system, operation, (int)response.StatusCode, $"unreadable response ({ex.Path})");
        }
    }

    internal static TimeSpan? RetryAfter(HttpResponseMessage response) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => null,
        };

    /// <summary>
    /// The reason from the common error shapes (problem details with field names, SP-API <c>errors[].message</c>,
    /// Walmart <c>errors.error[].description</c>), never the raw body: it may echo customer data.
    /// </summary>
    private static async Task<string?> DetailAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var node = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var errors = node?["errors"];
            var detail = errors switch
            {
                JsonArray array => array.FirstOrDefault()?["message"]?.GetValue<string>(),
                JsonObject { } obj when obj["error"] is JsonArray walmart => walmart.FirstOrDefault()?["description"]?.GetValue<string>(),
                JsonObject obj => $"{node?["title"]?.GetValue<string>()} {string.Join(", ", obj.Select(e => $"{e.Key}: {e.Value?[0]?.GetValue<string>()}"))}",
                _ => node?["title"]?.GetValue<string>(),
            };
            return detail is { Length: > MaxDetailLength } ? detail[..MaxDetailLength] : detail;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
