using System.CommandLine;

namespace RetailFunctions.Cli.Output;

/// <summary>Options that several commands share, so they read and default the same everywhere.</summary>
internal static class CommonOptions
{
    public const string StorageSetting = "AzureWebJobsStorage";

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table." };

    public static Option<string> Connection() => new("--connection")
    {
        Description = $"Storage connection string (default: ${StorageSetting}, else UseDevelopmentStorage=true).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StorageSetting) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "UseDevelopmentStorage=true",
    };
}
