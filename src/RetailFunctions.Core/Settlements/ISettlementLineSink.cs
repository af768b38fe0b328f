namespace RetailFunctions.Core.Settlements;

/// <summary>Receives the lines of a settlement file one at a time, in file order, as they are parsed.</summary>
public interface ISettlementLineSink
{
    void Add(SettlementLine line);
}
