namespace RetailFunctions.Cli.Tests.SafetyNet;

/// <summary>Tests that read or drop the shared audit and SLA tables run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class SafetyNetTables
{
    public const string Name = "SafetyNetTables";
}
