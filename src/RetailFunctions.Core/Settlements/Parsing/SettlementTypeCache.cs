namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>
/// Classifies a row's type columns once per distinct combination, so the hot path neither allocates the raw type
/// string nor repeats the classification for every line.
/// </summary>
internal sealed class SettlementTypeCache
{
    // A file with ever new types (hostile or broken) must not grow memory without bound; past this, types are classified uncached.
    private const int MaxEntries = 4096;
    private const char PartSeparator = '\u001F';

    private readonly Func<string, string, string, SettlementType> _classify;
    private readonly Dictionary<string, SettlementType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SettlementType>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _key = new char[256];

    public SettlementTypeCache(Func<string, string, string, SettlementType> classify)
    {
        _classify = classify;
        _lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public SettlementType Resolve(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        var length = first.Length + second.Length + third.Length + 2;
        if (_key.Length < length)
        {
            _key = new char[length * 2];
        }

        first.CopyTo(_key);
        _key[first.Length] = PartSeparator;
        second.CopyTo(_key.AsSpan(first.Length + 1));
        _key[first.Length + 1 + second.Length] = PartSeparator;
        third.CopyTo(_key.AsSpan(first.Length + second.Length + 2));
        var key = _key.AsSpan(0, length);

        if (_lookup.TryGetValue(key, out var type))
        {
            return type;
        }

        type = _classify(first.ToString(), second.ToString(), third.ToString());
        if (_types.Count < MaxEntries)
        {
            _types.Add(key.ToString(), type);
        }

        return type;
    }
}
