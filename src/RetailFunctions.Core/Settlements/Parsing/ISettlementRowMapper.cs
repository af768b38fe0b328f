namespace RetailFunctions.Core.Settlements.Parsing;

/// <summary>A channel's mapping of data rows to lines; one instance per file, since it keeps the file's state.</summary>
internal interface ISettlementRowMapper
{
    void Map(in SettlementRow row);

    /// <param name="endLineNumber">The line after the last row, where a missing row would have been.</param>
    SettlementHeader Complete(int endLineNumber);
}
