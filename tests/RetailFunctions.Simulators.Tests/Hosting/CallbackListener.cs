using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Simulators.Tests.Hosting;

/// <summary>Stands in for the fabric's <c>/api/callbacks/shipments/wms</c>: records what arrives, optionally failing first.</summary>
public sealed class CallbackListener : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedCallback> _received = Channel.CreateUnbounded<ReceivedCallback>();
    private int _failuresLeft;

    private CallbackListener(int failFirst)
    {
        _failuresLeft = failFirst;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/api/callbacks/shipments/wms", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            var failed = Interlocked.Decrement(ref _failuresLeft) >= 0;
            await _received.Writer.WriteAsync(new ReceivedCallback(body.ToArray(), request.Headers[RetailSignature.HeaderName].ToString(), failed));
            return failed ? Results.StatusCode(503) : Results.Accepted();
        });
    }

    public Uri BaseUrl => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

    public static async Task<CallbackListener> StartAsync(int failFirst = 0)
    {
        var listener = new CallbackListener(failFirst);
        await listener._app.StartAsync();
        return listener;
    }

    public async Task<ReceivedCallback> NextAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        return await _received.Reader.ReadAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <param name="Failed">The listener answered 503 to this delivery.</param>
public sealed record ReceivedCallback(byte[] Body, string Signature, bool Failed);
