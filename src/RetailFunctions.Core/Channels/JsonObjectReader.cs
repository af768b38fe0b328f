using System.Globalization;
using System.Text.Json;
using RetailFunctions.Core.Orders;

namespace RetailFunctions.Core.Channels;

/// <summary>
/// Reads typed fields from one JSON object of a channel payload and reports every problem as an
/// <see cref="OrderMappingException"/> carrying the field's full path. A JSON <c>null</c> counts as absent.
/// </summary>
internal readonly struct JsonObjectReader
{
    // Duplicate keys are refused so that the webhook gate and the mapper can never disagree on which "id" counts.
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowDuplicateProperties = false };

    // Beyond this DateTimeOffset cannot represent the instant.
    private const long MaxUnixMilliseconds = 253_402_300_799_999;

    private readonly JsonElement _element;

    private JsonObjectReader(JsonElement element, string path)
    {
        _element = element;
        Path = path;
    }

    public string Path { get; }

    public static JsonObjectReader Root(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? new JsonObjectReader(element, string.Empty)
            : throw new OrderMappingException("$", "must be a JSON object");

    /// <exception cref="OrderMappingException">The body is not valid JSON.</exception>
    public static JsonDocument Parse(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw InvalidJson(exception);
        }
    }

    public static OrderMappingException InvalidJson(JsonException exception) =>
        new("$", $"is not valid JSON (line {exception.LineNumber + 1}, byte {exception.BytePositionInLine + 1})", exception);

    public string PathOf(string name) => Path.Length == 0 ? name : $"{Path}.{name}";

    public string? Text(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            throw new OrderMappingException(PathOf(name), "must be a string");
        }

        var text = value.GetString();
        return string.IsNullOrWhiteSpace(text) ? null : text;
    }

    public string RequiredText(string name)
    {
        if (Value(name) is null)
        {
            throw new OrderMappingException(PathOf(name));
        }

        return Text(name) ?? throw new OrderMappingException(PathOf(name), "must not be empty");
    }

    public string RequiredCurrency(string name)
    {
        var currency = RequiredText(name);
        return currency.Length == 3 && currency.All(char.IsAsciiLetter)
            ? currency.ToUpperInvariant()
            : throw new OrderMappingException(PathOf(name), "must be a three-letter ISO 4217 code");
    }

    public bool? Boolean(string name) =>
        Value(name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => throw new OrderMappingException(PathOf(name), "must be true or false"),
        };

    /// <summary>Reads a flag sent as a JSON boolean or as the string <c>"true"</c> / <c>"false"</c> (as SP-API does in places).</summary>
    public bool? Flag(string name) =>
        Value(name) switch
        {
            { ValueKind: JsonValueKind.String } text when bool.TryParse(text.GetString(), out var flag) => flag,
            { ValueKind: JsonValueKind.String } => throw new OrderMappingException(PathOf(name), "must be true or false"),
            _ => Boolean(name),
        };

    /// <summary>Reads a positive integer id sent either as a JSON number or as a string of digits.</summary>
    public string? Id(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        return TryGetWholeNumber(value, out var id) && id > 0
            ? id.ToString(CultureInfo.InvariantCulture)
            : throw new OrderMappingException(PathOf(name), "must be a positive integer id");
    }

    public string RequiredId(string name) => Id(name) ?? throw new OrderMappingException(PathOf(name));

    /// <summary>Reads an identifier sent as a non-empty string (<c>"114-3941689-8772232"</c>) or as a whole JSON number.</summary>
    public string RequiredIdentifier(string name) =>
        Value(name) switch
        {
            null => throw new OrderMappingException(PathOf(name)),
            { ValueKind: JsonValueKind.Number } number when TryGetWholeNumber(number, out var id) => id.ToString(CultureInfo.InvariantCulture),
            { ValueKind: JsonValueKind.String } => RequiredText(name),
            _ => throw new OrderMappingException(PathOf(name), "must be a string or a whole number"),
        };

    public int RequiredPositiveInt(string name)
    {
        if (Value(name) is not { } value)
        {
            throw new OrderMappingException(PathOf(name));
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number > 0
            ? number
            : throw new OrderMappingException(PathOf(name), "must be a positive integer");
    }

    /// <summary>Reads a positive count sent either as a JSON number or as a string of digits (<c>"2"</c>, as Walmart does).</summary>
    public int RequiredCount(string name)
    {
        if (Value(name) is not { } value)
        {
            throw new OrderMappingException(PathOf(name));
        }

        return TryGetWholeNumber(value, out var number) && number is > 0 and <= int.MaxValue
            ? (int)number
            : throw new OrderMappingException(PathOf(name), "must be a positive integer");
    }

    /// <summary>Reads a non-negative amount sent as a JSON string (<c>"19.99"</c>, as Shopify does) or a JSON number.</summary>
    public decimal? Money(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        decimal amount = 0;
        var valid = value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetDecimal(out amount),
            JsonValueKind.String => decimal.TryParse(
                value.GetString(),
                NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture,
                out amount),
            _ => false,
        };

        if (!valid)
        {
            throw new OrderMappingException(PathOf(name), "must be a decimal amount");
        }

        return amount >= 0m ? amount : throw new OrderMappingException(PathOf(name), "must not be negative");
    }

    public decimal RequiredMoney(string name) => Money(name) ?? throw new OrderMappingException(PathOf(name));

    /// <summary>Reads a money object's amount, refusing one whose currency is not <paramref name="expectedCurrency"/>.</summary>
    public decimal RequiredMoney(string currencyName, string amountName, string expectedCurrency) =>
        RequiredCurrency(currencyName) == expectedCurrency
            ? RequiredMoney(amountName)
            : throw new OrderMappingException(PathOf(currencyName), "must match the order currency");

    public DateTimeOffset RequiredTimestamp(string name) => Timestamp(name) ?? throw new OrderMappingException(PathOf(name));

    public DateTimeOffset? Timestamp(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String
            || !value.TryGetDateTimeOffset(out var timestamp)
            || !value.TryGetDateTime(out var dateTime))
        {
            throw new OrderMappingException(PathOf(name), "must be an ISO 8601 timestamp");
        }

        // Without an explicit offset the parser would assume the host's time zone, so the result would depend on the machine.
        return dateTime.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dateTime, TimeSpan.Zero) : timestamp;
    }

    /// <summary>Reads an instant sent as Unix epoch milliseconds (a JSON number or a string of digits) or as an ISO 8601 string.</summary>
    public DateTimeOffset? Instant(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        if (!TryGetWholeNumber(value, out var milliseconds))
        {
            return value.ValueKind == JsonValueKind.String
                ? Timestamp(name)
                : throw new OrderMappingException(PathOf(name), "must be epoch milliseconds or an ISO 8601 timestamp");
        }

        return milliseconds is >= 0 and <= MaxUnixMilliseconds
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : throw new OrderMappingException(PathOf(name), "must be epoch milliseconds or an ISO 8601 timestamp");
    }

    public DateTimeOffset RequiredInstant(string name) => Instant(name) ?? throw new OrderMappingException(PathOf(name));

    public JsonObjectReader? Object(string name)
    {
        if (Value(name) is not { } value)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object
            ? new JsonObjectReader(value, PathOf(name))
            : throw new OrderMappingException(PathOf(name), "must be an object");
    }

    /// <summary>Reads an array of objects; absent or <c>null</c> gives an empty list.</summary>
    public IReadOnlyList<JsonObjectReader> Objects(string name)
    {
        if (Value(name) is not { } value)
        {
            return [];
        }

        var path = PathOf(name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new OrderMappingException(path, "must be an array");
        }

        var items = new List<JsonObjectReader>(value.GetArrayLength());
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = $"{path}[{items.Count}]";
            items.Add(item.ValueKind == JsonValueKind.Object
                ? new JsonObjectReader(item, itemPath)
                : throw new OrderMappingException(itemPath, "must be an object"));
        }

        return items;
    }

    public bool IsObject(string name) => Value(name) is { ValueKind: JsonValueKind.Object };

    public JsonObjectReader RequiredObject(string name) => Object(name) ?? throw new OrderMappingException(PathOf(name));

    public IReadOnlyList<JsonObjectReader> RequiredObjects(string name)
    {
        if (Value(name) is null)
        {
            throw new OrderMappingException(PathOf(name));
        }

        var items = Objects(name);
        return items.Count > 0 ? items : throw new OrderMappingException(PathOf(name), "must not be empty");
    }

    /// <summary>A whole number sent either as a JSON number or as a string of digits.</summary>
    private static bool TryGetWholeNumber(JsonElement value, out long number)
    {
        number = 0;
        return value.ValueKind switch
        {
            JsonValueKind.Number => value.TryGetInt64(out number),
            JsonValueKind.String => long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out number),
            _ => false,
        };
    }

    private JsonElement? Value(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;
}
