namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>
/// Classifies a row's type columns once per distinct combination, so the hot path neither allocates the raw type
/// string nor repeats the classification for every line.
/// </summary>
internal sealed class SettlementTypeCache
{
    // A file with ever new types (hostile or broken) must not grow memory without bound; past this, types are classified uncached.
    private const int MaxEntries = 4096;
    private const int RecentSlots = 256;
    private const char PartSeparator = '\u001F';

    private readonly Func<string, string, string, SettlementType> _classify;
    private readonly Dictionary<string, Entry> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    // A file has a few dozen combinations: a slot picked from the parts' lengths and last characters usually holds the
    // row's, which is checked without building or hashing a key.
    private readonly Entry?[] _recent = new Entry?[RecentSlots];
    private char[] _key = new char[256];

    public SettlementTypeCache(Func<string, string, string, SettlementType> classify)
    {
        _classify = classify;
        _lookup = _types.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The type of a row's three type columns, as they stand in the file: each is trimmed here.</summary>
    public SettlementType Resolve(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        // Untrimmed columns that equal a cached (trimmed) entry had nothing to trim, so the common case skips trimming.
        if (TryRecent(first, second, third, out var type))
        {
            return type;
        }

        first = first.Trim();
        second = second.Trim();
        third = third.Trim();
        if (TryRecent(first, second, third, out type))
        {
            return type;
        }

        var entry = Lookup(first, second, third);
        _recent[Slot(first, second, third)] = entry;
        return entry.Type;
    }

    private bool TryRecent(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third, out SettlementType type)
    {
        var recent = _recent[Slot(first, second, third)];
        if (recent is not null && third.SequenceEqual(recent.Third) && second.SequenceEqual(recent.Second)
            && first.SequenceEqual(recent.First))
        {
            type = recent.Type;
            return true;
        }

        type = default;
        return false;
    }

    private static int Slot(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
    {
        var hash = (uint)((first.Length * 7) + (second.Length * 31) + (third.Length * 131));
        hash += third.IsEmpty ? 0u : (uint)(third[^1] * 17) + third[third.Length / 2];
        hash += second.IsEmpty ? 0u : second[^1];
        return (int)((hash ^ (hash >> 8)) % RecentSlots);
    }

    private Entry Lookup(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<char> third)
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

        if (_lookup.TryGetValue(key, out var entry))
        {
            return entry;
        }

        var (firstText, secondText, thirdText) = (first.ToString(), second.ToString(), third.ToString());
        entry = new Entry(firstText, secondText, thirdText, _classify(firstText, secondText, thirdText));
        if (_types.Count < MaxEntries)
        {
            _types.Add(key.ToString(), entry);
        }

        return entry;
    }

    private sealed record Entry(string First, string Second, string Third, SettlementType Type);
}
