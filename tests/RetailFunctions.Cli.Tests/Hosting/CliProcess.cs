using System.Diagnostics;

namespace RetailFunctions.Cli.Tests.Hosting;

/// <summary>Runs the built CLI as its own process, the way operators and scripts do.</summary>
internal static class CliProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    public static Task<CliResult> RunAsync(params string[] arguments) =>
        RunAsync(new Dictionary<string, string?>(), arguments);

    /// <param name="environment">Variables to set (a null value removes the variable) for this run only.</param>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunAsync(environment, Timeout, arguments);

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, params string[] arguments) =>
        RunAsync(environment, timeout, input: null, arguments);

    /// <summary>Runs the CLI with <paramref name="input"/> typed on its stdin, as an operator answering a question.</summary>
    public static Task<CliResult> RunWithInputAsync(string input, params string[] arguments) =>
        RunAsync(new Dictionary<string, string?>(), Timeout, input, arguments);

    private static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, TimeSpan timeout, string? input, string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = input is not null,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        start.ArgumentList.Add(CliAssemblyPath());
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        if (input is not null)
        {
            await process.StandardInput.WriteLineAsync(input);
            process.StandardInput.Close();
        }

        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancel.Token);
        return new CliResult(process.ExitCode, await output, await error);
    }

    /// <summary>The CLI's own build output (same configuration as the tests), with its own deps and runtime config.</summary>
    private static string CliAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var targetFramework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var repoRoot = testOutput;
        while (repoRoot is not null && !File.Exists(Path.Combine(repoRoot.FullName, "RetailFunctions.sln")))
        {
            repoRoot = repoRoot.Parent;
        }

        var path = Path.Combine(
            repoRoot?.FullName ?? throw new InvalidOperationException("RetailFunctions.sln not found above the test output"),
            "src", "RetailFunctions.Cli", "bin", configuration, targetFramework, "RetailFunctions.Cli.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build src/RetailFunctions.Cli first.", path);
    }
}
