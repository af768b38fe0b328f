using System.Globalization;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>One data row of a settlement file, with typed reads that fail with the row's line number.</summary>
/// <remarks>
/// The row is its text plus column bounds: column <c>i</c> is <c>text[(bounds[i] + 1)..bounds[i + 1]]</c>. Both readers
/// produce it — Sep's rows are copied into a <see cref="SettlementRowBuffer"/>, the UTF-8 reader widens its bytes — so
/// the channel mappers have one shape to read.
/// </remarks>
internal readonly ref struct SettlementRow
{
    private const int MaxEchoedLength = 40;

    private readonly ReadOnlySpan<char> _text;
    private readonly ReadOnlySpan<int> _bounds;

    public SettlementRow(ReadOnlySpan<char> text, ReadOnlySpan<int> bounds, int lineNumber)
    {
        _text = text;
        _bounds = bounds;
        LineNumber = lineNumber;
    }

    /// <summary>1-based line where the row starts; the header is line 1.</summary>
    public int LineNumber { get; }

    /// <summary>The raw field, or an empty span for a column the file does not have (index -1).</summary>
    public ReadOnlySpan<char> this[int column] =>
        column < 0 ? [] : _text[(_bounds[column] + 1).._bounds[column + 1]];

    public bool IsEmpty(int column) => this[column].IsWhiteSpace();

    public ReadOnlySpan<char> Required(int column, string name)
    {
        var text = this[column].Trim();
        return text.IsEmpty ? throw Error($"'{name}' is empty") : text;
    }

    public decimal Amount(int column, string name) =>
        SettlementAmount.TryParse(Required(column, name), out var value)
            ? value
            : throw Error($"'{name}' value '{Echo(this[column])}' is not a decimal amount");

    public decimal? OptionalAmount(int column, string name) => IsEmpty(column) ? null : Amount(column, name);

    public DateTimeOffset Date(int column, string name) => Date(column, name, null);

    public DateTimeOffset Date(int column, string name, RecentDate? recent)
    {
        var text = Required(column, name);
        var parsed = recent is null ? SettlementDate.TryParse(text, out var value) : recent.TryParse(text, out value);
        return parsed ? value : throw Error($"'{name}' value '{Echo(text)}' is not a date");
    }

    public DateTimeOffset? OptionalDate(int column, string name) => IsEmpty(column) ? null : Date(column, name);

    public int? OptionalQuantity(int column, string name)
    {
        var text = this[column].Trim();
        if (text.IsEmpty)
        {
            return null;
        }

        return TryParseSmallWholeNumber(text, out var value)
            || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            ? value
            : throw Error($"'{name}' value '{Echo(text)}' is not a whole number");
    }

    /// <summary>An ISO 4217 code: three upper-case letters.</summary>
    public string Currency(int column, string name)
    {
        var text = Required(column, name);
        return text.Length == 3 && char.IsAsciiLetterUpper(text[0]) && char.IsAsciiLetterUpper(text[1]) && char.IsAsciiLetterUpper(text[2])
            ? text.ToString()
            : throw Error($"'{name}' value '{Echo(text)}' is not a three-letter currency code");
    }

    public SettlementFormatException Error(string reason) => new(LineNumber, reason);

    // Quantities are a digit or two on every line; int.TryParse handles signs, long values and refusals.
    private static bool TryParseSmallWholeNumber(ReadOnlySpan<char> text, out int value)
    {
        value = 0;
        if (text.Length > 9)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private static string Echo(ReadOnlySpan<char> text) =>
        text.Length <= MaxEchoedLength ? text.ToString() : string.Concat(text[..MaxEchoedLength], "…");
}
