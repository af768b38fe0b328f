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
    private (int Blob, int Queue, int Table) _ports;
    private int _closedServices;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var fromScript = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromScript))
        {
            ConnectionString = fromScript;
            return;
        }

        await StartPrivateInstanceAsync();
    }

    /// <summary>A private Azurite on free ports even when <c>scripts/test.sh</c> started a shared one: for tests that stop and restart it.</summary>
    public static async Task<AzuriteFixture> StartPrivateAsync()
    {
        var fixture = new AzuriteFixture();
        await fixture.StartPrivateInstanceAsync();
        return fixture;
    }

    /// <summary>
    /// Stops the private Azurite as an operator would (SIGTERM), so that everything it acknowledged is there after
    /// <see cref="RestartAsync"/>: a SIGKILL alone could lose its last 5 s of writes (its stores save every 5 s). Once
    /// its three services report closed (stores saved), it is killed: it would otherwise wait for clients to hang up.
    /// </summary>
    public async Task StopAsync()
    {
        var azurite = _azurite ?? throw new InvalidOperationException("Only a private Azurite can be stopped.");
        if (azurite.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", azurite.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term!.WaitForExitAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!azurite.HasExited && _closedServices < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        if (!azurite.HasExited)
        {
            azurite.Kill(entireProcessTree: true);
            await azurite.WaitForExitAsync();
        }
    }

    /// <summary>Starts the stopped private Azurite again on the same ports and data folder: the data written before survives.</summary>
    public async Task RestartAsync()
    {
        if (_azurite is not { HasExited: true } || _dataDirectory is null)
        {
            throw new InvalidOperationException("Only a stopped private Azurite can be restarted.");
        }

        _azurite.Dispose();
        await LaunchAsync();
    }

    private async Task StartPrivateInstanceAsync()
    {
        _ports = (Ports.FreeLoopbackPort(), Ports.FreeLoopbackPort(), Ports.FreeLoopbackPort());
        _dataDirectory = Directory.CreateTempSubdirectory("azurite-tests-").FullName;
        await LaunchAsync();
        var (blob, queue, table) = _ports;
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    private async Task LaunchAsync()
    {
        var azurite = Path.Combine(RepoPaths.Root, "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run ./scripts/test.sh (or npm ci) first.");
        }

        var (blob, queue, table) = _ports;
        _azurite = Process.Start(new ProcessStartInfo(azurite,
            $"--silent --skipApiVersionCheck --loose --location {_dataDirectory} --blobHost 127.0.0.1 --blobPort {blob} --queueHost 127.0.0.1 --queuePort {queue} --tableHost 127.0.0.1 --tablePort {table}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _closedServices = 0;
        _azurite.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("successfully closed", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _closedServices);
            }
        };
        _azurite.BeginOutputReadLine();
        _azurite.BeginErrorReadLine();
        foreach (var port in new[] { blob, queue, table })
        {
            await WaitForPortAsync(port);
        }
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
