namespace RetailFunctions.Cli.Tests.Hosting;

internal sealed record CliResult(int ExitCode, string Output, string Error);
