using System.Text.Json;

namespace RetailFunctions.Core.Webhooks;

/// <summary>
/// The gate's light look into a webhook body: just enough to find the event id and topic. Problems become
/// <see cref="WebhookPayloadException"/>s naming the field by its dotted path; unknown fields are ignored.
/// </summary>
public static class WebhookJson
{
    private const int MaxDepth = 64;

    public static JsonDocument ParseObject(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException ex)
        {
            throw new WebhookPayloadException("body", $"The body is not valid JSON: {ex.Message}");
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            document.Dispose();
            throw new WebhookPayloadException("body", "The body must be a JSON object.");
        }

        return document;
    }

    /// <summary>A non-empty string at <paramref name="path"/> (e.g. <c>source.eventId</c>).</summary>
    public static string RequiredText(JsonElement root, string path) =>
        Find(root, path) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : throw new WebhookPayloadException(path, $"The field '{path}' is required and must be a non-empty string.");

    /// <summary>An identifier at <paramref name="path"/>, sent either as a JSON number or as a non-empty string.</summary>
    public static string RequiredIdentifier(JsonElement root, string path) =>
        Find(root, path) switch
        {
            { ValueKind: JsonValueKind.Number } number => number.GetRawText(),
            { ValueKind: JsonValueKind.String } text when !string.IsNullOrWhiteSpace(text.GetString()) => text.GetString()!.Trim(),
            _ => throw new WebhookPayloadException(path, $"The field '{path}' is required."),
        };

    public static JsonElement RequiredObject(JsonElement root, string path) =>
        Find(root, path) is { ValueKind: JsonValueKind.Object } value
            ? value
            : throw new WebhookPayloadException(path, $"The field '{path}' is required and must be an object.");

    private static JsonElement? Find(JsonElement root, string path)
    {
        var current = root;
        foreach (var name in path.Split('.'))
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
            {
                return null;
            }
        }

        return current.ValueKind == JsonValueKind.Null ? null : current;
    }
}
