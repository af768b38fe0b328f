using System.Text.Json.Nodes;

namespace RetailFunctions.Simulators.Channels;

/// <summary>Lenient reads from channel request bodies: a wrong type reads as absent, and the caller reports the field.</summary>
public static class Json
{
    public static string? String(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static int? Int(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var number))
        {
            return number;
        }

        // Walmart sends quantities as strings ("amount": "1").
        return value.TryGetValue<string>(out var text) && int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out number) ? number : null;
    }

    public static JsonArray Array(JsonNode? node) => node as JsonArray ?? [];
}
