using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace RetailFunctions.LocalHost.Hosting;

/// <summary>
/// Configuration as the Functions runtime assembles it: <c>local.settings.json</c> Values (with <c>__</c> as the
/// section separator) under the process environment, and host.json, which <c>AzureFunctionsJobHost__*</c>
/// variables override.
/// </summary>
internal static class HostConfiguration
{
    public const string HostJsonOverridePrefix = "AzureFunctionsJobHost__";

    public static void AddLocalSettings(IConfigurationManager configuration, string? path)
    {
        if (path is null || !File.Exists(path))
        {
            return;
        }

        var values = JsonNode.Parse(File.ReadAllText(path))?["Values"]?.AsObject() ?? [];
        var settings = values
            .Where(v => !v.Key.StartsWith("//", StringComparison.Ordinal))
            .Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), v.Value?.ToString()));
        // Inserted first so that environment variables (added by the web host builder later in the list) win.
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = settings };
        configuration.Sources.Insert(0, source);
    }

    public static IConfiguration LoadHostJson(string appDirectory)
    {
        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(appDirectory, "host.json"), optional: true)
            .AddEnvironmentVariables(HostJsonOverridePrefix)
            .Build();
    }
}
