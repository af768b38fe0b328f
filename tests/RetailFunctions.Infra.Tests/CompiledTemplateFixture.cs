using System.Diagnostics;
using System.Text.Json;

namespace RetailFunctions.Infra.Tests;

/// <summary>Runs scripts/bicep-check.sh --out once for all tests and loads the compiled ARM JSON of infra/main.bicep.</summary>
public sealed class CompiledTemplateFixture : IDisposable
{
    private readonly string outputDirectory = Path.Combine(Path.GetTempPath(), "retail-infra-tests-" + Guid.NewGuid().ToString("N"));

    public CompiledTemplateFixture()
    {
        RepositoryRoot = FindRepositoryRoot();
        RunBicepCheck();
        using var stream = File.OpenRead(Path.Combine(outputDirectory, "main.json"));
        Deployment = new ArmDeployment(JsonDocument.Parse(stream).RootElement.Clone());
    }

    public string RepositoryRoot { get; }

    public ArmDeployment Deployment { get; }

    /// <summary>The summary line of bicep-check, e.g. "bicep 0.49.2: 8 files built and linted, ..., 0 errors, 0 warnings".</summary>
    public string BicepCheckSummary { get; private set; } = "";

    public void Dispose()
    {
        if (Directory.Exists(outputDirectory))
        {
            Directory.Delete(outputDirectory, recursive: true);
        }
    }

    private void RunBicepCheck()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepositoryRoot, "scripts", "bicep-check.sh"));
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(outputDirectory);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("bash did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/bicep-check.sh failed with exit code {process.ExitCode}:\n{stdout}\n{stderr.Result}");
        }

        BicepCheckSummary = stdout.Trim();
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "scripts", "bicep-check.sh")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No scripts/bicep-check.sh above {AppContext.BaseDirectory}");
    }
}

[CollectionDefinition(Name)]
public sealed class CompiledTemplateCollection : ICollectionFixture<CompiledTemplateFixture>
{
    public const string Name = "Compiled ARM template";
}
