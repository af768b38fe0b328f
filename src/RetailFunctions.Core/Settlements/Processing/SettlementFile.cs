namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>A settlement file as uploaded: <c>settlements/{Channel}/{Name}</c>.</summary>
public sealed record SettlementFile(string Channel, string Name)
{
    public const string Container = "settlements";

    public string Path => $"{Container}/{Channel}/{Name}";
}
