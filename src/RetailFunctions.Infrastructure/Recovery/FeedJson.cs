using System.Globalization;
using System.Text.Json;

namespace RetailFunctions.Infrastructure.Recovery;

/// <summary>Reads what recovery needs from a listed order; a listing without it is the channel's fault and fails the poll.</summary>
internal static class FeedJson
{
    public static string RequiredText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
            ? value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()
            : throw new InvalidDataException($"A listed order has no '{name}'.");

    public static DateTimeOffset RequiredInstant(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : element.TryGetProperty(name, out var millis) && millis.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeMilliseconds(millis.GetInt64())
                : throw new InvalidDataException($"A listed order has no valid '{name}'.");
}
