using System.Collections.Concurrent;
using System.Diagnostics;

namespace RetailFunctions.IntegrationTests.Hosting;

/// <summary>A .NET service (the local fabric host, the simulators) as a child process on a loopback port, stopped gracefully or killed.</summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _transcript = new();

    private ServiceProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(30) };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public bool IsRunning => !_process.HasExited;

    public HttpClient Client { get; }

    public string Output => string.Join('\n', _output);

    /// <summary>Everything the process wrote since it started (<see cref="Output"/> keeps the last 2000 lines), for scans.</summary>
    public string Transcript => string.Join('\n', _transcript);

    /// <summary>The local fabric host running the function app built in <paramref name="appDirectory"/>.</summary>
    public static Task<ServiceProcess> StartAsync(string appDirectory, IReadOnlyDictionary<string, string> environment, string readinessPath, int? port = null)
    {
        var chosenPort = port ?? Ports.FreeLoopbackPort();
        return StartDllAsync(RepoPaths.LocalHostDll, ["--app", appDirectory, "--port", chosenPort.ToString(System.Globalization.CultureInfo.InvariantCulture)], environment, readinessPath, chosenPort);
    }

    /// <summary>The back-office and channel simulators (ERP, WMS, Shopify, Amazon, Walmart) on their own port.</summary>
    public static Task<ServiceProcess> StartSimulatorsAsync(IReadOnlyDictionary<string, string> environment, int? port = null)
    {
        var chosenPort = port ?? Ports.FreeLoopbackPort();
        return StartDllAsync(RepoPaths.SimulatorsDll, ["--urls", $"http://127.0.0.1:{chosenPort}"], environment, "_sim/counters", chosenPort);
    }

    private static async Task<ServiceProcess> StartDllAsync(string dll, string[] arguments, IReadOnlyDictionary<string, string> environment, string readinessPath, int port)
    {
        var start = new ProcessStartInfo("dotnet", [dll, .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var service = new ServiceProcess(Process.Start(start)!, port);
        await service.WaitUntilReadyAsync(readinessPath);
        return service;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a machine dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then wait for the host to drain and release its leases.</summary>
    public async Task StopAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Client.Dispose();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(string readinessPath)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Client.GetAsync(readinessPath);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The service was not ready within 90 s:\n{Output}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        _transcript.Enqueue(line);
        while (_output.Count > 2000 && _output.TryDequeue(out _))
        {
        }
    }
}
