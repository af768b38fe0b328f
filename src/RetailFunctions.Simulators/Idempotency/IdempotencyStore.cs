using System.Collections.Concurrent;
using System.Security.Cryptography;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Idempotency;

/// <summary>
/// First successful response per system, operation and <c>Idempotency-Key</c>. Requests with the same key are
/// serialised, so two concurrent retries still create one document.
/// </summary>
public sealed class IdempotencyStore
{
    public const string HeaderName = "Idempotency-Key";

    private readonly ConcurrentDictionary<(string System, string Operation, string Key), Entry> _entries = new();

    public async Task<IdempotencyOutcome> RunAsync(HttpContext context, SimOperation operation, string key, RequestDelegate next)
    {
        var fingerprint = await FingerprintAsync(context.Request);
        var entry = _entries.GetOrAdd((operation.System, operation.Name, key), _ => new Entry());
        await entry.Gate.WaitAsync(context.RequestAborted);
        try
        {
            if (entry.Response is { } stored)
            {
                return entry.Fingerprint == fingerprint ? new IdempotencyOutcome(stored, Replayed: true) : IdempotencyOutcome.Mismatch;
            }

            var response = await ResponseCapture.RunAsync(context, next);
            if (response.StatusCode is >= 200 and < 300)
            {
                entry.Fingerprint = fingerprint;
                entry.Response = response;
            }

            return new IdempotencyOutcome(response, Replayed: false);
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    public void Reset(string? system = null)
    {
        foreach (var key in _entries.Keys.Where(k => system is null || k.System == system))
        {
            _entries.TryRemove(key, out _);
        }
    }

    // The path is part of the request: the same key on another order's cancel is a different request.
    private static async Task<string> FingerprintAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, request.HttpContext.RequestAborted)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public string? Fingerprint { get; set; }

        public StoredResponse? Response { get; set; }
    }
}
