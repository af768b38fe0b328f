using System.Net;
using System.Text;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.Cli.Tests.Orders;

/// <summary>An HTTP listener on loopback that answers <c>GET /api/orders/{channel}/{id}</c> from a fixed set of orders.</summary>
internal sealed class FakeFabricHost : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly IReadOnlyDictionary<string, string> _orders;
    private readonly Task _serving;

    public FakeFabricHost(IReadOnlyDictionary<string, string> ordersByPath)
    {
        _orders = ordersByPath;
        var port = Ports.FreeLoopbackPort();
        BaseUrl = $"http://127.0.0.1:{port}/";
        _listener.Prefixes.Add(BaseUrl);
        _listener.Start();
        _serving = ServeAsync();
    }

    public string BaseUrl { get; }

    public List<string> RequestedPaths { get; } = [];

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            var path = context.Request.Url!.AbsolutePath;
            lock (RequestedPaths)
            {
                RequestedPaths.Add(path);
            }

            var found = _orders.TryGetValue(path, out var body);
            context.Response.StatusCode = found ? 200 : 404;
            context.Response.ContentType = found ? "application/json" : "application/problem+json";
            var bytes = Encoding.UTF8.GetBytes(found ? body! : """{"status":404,"title":"Order not found"}""");
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }
}
