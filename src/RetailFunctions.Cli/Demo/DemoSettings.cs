using System.Text.Json;

namespace RetailFunctions.Cli.Demo;

/// <summary>
/// The development secrets the demo signs its traffic with, read from the <c>Values</c> of <c>local.settings.json</c>
/// (the file the local fabric host runs with), else <c>local.settings.sample.json</c> beside it.
/// </summary>
internal sealed record DemoSettings(
    string ShopifySecret,
    string WalmartSecret,
    string? AmazonApiKey,
    string PosSecret,
    string InventorySecret,
    string? StorageConnection,
    string Source)
{
    public const string SampleFileName = "local.settings.sample.json";

    /// <exception cref="DemoSettingsException">Neither file exists, is valid JSON, or a required value is missing.</exception>
    public static DemoSettings Load(string path)
    {
        var file = path;
        if (!File.Exists(file))
        {
            var sample = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", SampleFileName);
            file = File.Exists(sample) ? sample : throw new DemoSettingsException($"neither {path} nor {sample} exists");
        }

        Dictionary<string, string?> values;
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            values = document.RootElement.TryGetProperty("Values", out var v) && v.ValueKind == JsonValueKind.Object
                ? v.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())
                : throw new DemoSettingsException($"{file} has no \"Values\" object");
        }
        catch (JsonException ex)
        {
            throw new DemoSettingsException($"{file} is not valid JSON: {ex.Message}");
        }

        string Required(string key) =>
            values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value
                : throw new DemoSettingsException($"{file} has no Values.{key}");

        string? Optional(string key) => values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        return new DemoSettings(
            Required("Channels__Shopify__WebhookSecret"),
            Required("Channels__Walmart__WebhookSecret"),
            Optional("Channels__Amazon__ApiKey"),
            Required("Channels__Pos__WebhookSecret"),
            Required("Inventory__AdjustmentsSecret"),
            Optional("AzureWebJobsStorage"),
            file);
    }
}

internal sealed class DemoSettingsException(string message) : Exception(message);
