namespace RetailFunctions.Core.Settlements;

/// <summary>A settlement file cannot be read; the message names the 1-based line and the reason.</summary>
public sealed class SettlementFormatException : Exception
{
    public SettlementFormatException(int lineNumber, string reason)
        : base($"line {lineNumber}: {reason}")
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>1-based line of the file where the problem was found; the header is line 1.</summary>
    public int LineNumber { get; }

    public string Reason { get; }
}
