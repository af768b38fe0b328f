using System.CommandLine;
using RetailFunctions.Core.Audit;

namespace RetailFunctions.Cli.Output;

/// <summary>Options that several commands share, so they read and default the same everywhere.</summary>
internal static class CommonOptions
{
    public const string StorageSetting = "AzureWebJobsStorage";

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table." };

    public static Option<int> Limit() => new("--limit")
    {
        Description = "How many entries to show, newest first.",
        DefaultValueFactory = _ => 100,
        Validators = { r => { if (r.GetValueOrDefault<int>() is < 1 or > 10_000) { r.AddError("--limit must be from 1 to 10000."); } } },
    };

    public static Option<string> Operator() => new("--operator")
    {
        Description = "Who does this, for the audit trail (default: $USER).",
        DefaultValueFactory = _ => AuditEntries.DefaultOperator(),
        Validators = { r => { if (string.IsNullOrWhiteSpace(r.GetValueOrDefault<string>())) { r.AddError("--operator must name someone."); } } },
    };

    public static Option<string> Connection() => new("--connection")
    {
        Description = $"Storage connection string (default: ${StorageSetting}, else UseDevelopmentStorage=true).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable(StorageSetting) is { Length: > 0 } fromEnvironment
            ? fromEnvironment
            : "UseDevelopmentStorage=true",
    };
}
