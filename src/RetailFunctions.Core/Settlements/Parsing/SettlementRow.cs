using nietras.SeparatedValues;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>One data row of a settlement file, with typed reads that fail with the row's line number.</summary>
internal readonly ref struct SettlementRow
{
    private const int MaxEchoedLength = 40;

    private readonly SepReader.Row _row;

    public SettlementRow(SepReader.Row row)
    {
        _row = row;
    }

    /// <summary>1-based line where the row starts; the header is line 1.</summary>
    public int LineNumber => _row.LineNumberFrom;

    /// <summary>The raw field, or an empty span for a column the file does not have (index -1).</summary>
    public ReadOnlySpan<char> this[int column] => column < 0 ? [] : _row[column].Span;

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

        return int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
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

    private static string Echo(ReadOnlySpan<char> text) =>
        text.Length <= MaxEchoedLength ? text.ToString() : string.Concat(text[..MaxEchoedLength], "…");
}
