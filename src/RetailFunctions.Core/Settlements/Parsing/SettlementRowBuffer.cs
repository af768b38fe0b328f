using nietras.SeparatedValues;

namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>Copies Sep's rows into the <see cref="SettlementRow"/> shape, reusing its arrays from row to row.</summary>
internal sealed class SettlementRowBuffer
{
    private char[] _text = new char[1024];
    private int[] _bounds = new int[64];

    public SettlementRow Copy(SepReader.Row row, int lineNumber)
    {
        var columns = row.ColCount;
        if (_bounds.Length < columns + 1)
        {
            _bounds = new int[(columns + 1) * 2];
        }

        // Unescaped columns are no longer than the row, and each gets one separator slot.
        var needed = row.Span.Length + columns;
        if (_text.Length < needed)
        {
            _text = new char[needed * 2];
        }

        var end = -1;
        _bounds[0] = end;
        for (var column = 0; column < columns; column++)
        {
            var field = row[column].Span;
            field.CopyTo(_text.AsSpan(end + 1));
            end += field.Length + 1;
            _bounds[column + 1] = end;
        }

        return new SettlementRow(_text.AsSpan(0, Math.Max(end, 0)), _bounds.AsSpan(0, columns + 1), lineNumber);
    }
}
