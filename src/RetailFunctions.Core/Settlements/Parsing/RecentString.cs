namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>
/// Hands back the previous string when a column repeats its value on consecutive rows, as order ids and SKUs do
/// for the several amounts of one order item, so those rows share one instance.
/// </summary>
internal sealed class RecentString
{
    private string? _last;

    /// <returns>null for an empty field.</returns>
    public string? Get(ReadOnlySpan<char> text)
    {
        // The common cases first: an empty column, or the previous row's value exactly.
        if (text.IsEmpty)
        {
            return null;
        }

        if (_last is not null && text.SequenceEqual(_last))
        {
            return _last;
        }

        var value = text.Trim();
        if (value.IsEmpty)
        {
            return null;
        }

        if (_last is null || !value.SequenceEqual(_last))
        {
            _last = value.ToString();
        }

        return _last;
    }
}
