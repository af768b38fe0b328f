namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>Remembers the last date text read, since consecutive rows mostly share their posting time.</summary>
internal sealed class RecentDate
{
    private char[] _text = new char[40];
    private int _length = -1;
    private DateTimeOffset _value;

    public bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value)
    {
        if (_length >= 0 && text.SequenceEqual(_text.AsSpan(0, _length)))
        {
            value = _value;
            return true;
        }

        if (!SettlementDate.TryParse(text, out value))
        {
            return false;
        }

        if (_text.Length < text.Length)
        {
            _text = new char[text.Length];
        }

        text.CopyTo(_text);
        _length = text.Length;
        _value = value;
        return true;
    }
}
