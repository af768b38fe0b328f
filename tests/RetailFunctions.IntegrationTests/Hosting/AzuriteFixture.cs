using System.Diagnostics;
using System.Net.Sockets;

namespace RetailFunctions.IntegrationTests.Hosting;

/// <summary>
/// The Azurite every integration test runs against: the one <c>scripts/test.sh</c> started (connection string in
/// <c>RETAIL_TEST_STORAGE</c>), or, when the tests are run directly, a private one on free ports.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const string EnvironmentVariable = "RETAIL_TEST_STORAGE";
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private Process? _azurite;
    private string? _dataDirectory;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromScript))
        {
            ConnectionString = fromScript;
            return;
        }

        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run ./scripts/test.sh (or npm ci) first.");
        }

        int blob = Ports.FreeLoopbackPort(), queue = Ports.FreeLoopbackPort(), table = Ports.FreeLoopbackPort();
        _dataDirectory = Directory.CreateTempSubdirectory("azurite-tests-").FullName;
        _azurite = Process.Start(new ProcessStartInfo(azurite,
            $"--silent --skipApiVersionCheck --loose --location {_dataDirectory} --blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        foreach (var port in new[] { blob, queue, table })
        {
            await WaitForPortAsync(port);
        }

        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public Task DisposeAsync()
    {
        if (_azurite is { HasExited: false })
        {
            _azurite.Kill(entireProcessTree: true);
        }

        if (_dataDirectory is not null)
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }

        return Task.CompletedTask;
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (Exception ex) when (ex is SocketException or IOException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    // Host processes share one Azurite and run one test class at a time: two hosts must never poll the same queues.
    public const string Name = "Azurite";
}
