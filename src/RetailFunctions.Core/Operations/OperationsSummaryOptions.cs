namespace RetailFunctions.Core.Operations;

public sealed class OperationsSummaryOptions
{
    public const string SectionName = "Operations";

    /// <summary>Inventory pushes older than this are left out of the sync lag figures.</summary>
    public TimeSpan LagWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How many settlement exceptions and order failures the summary lists, newest first.</summary>
    public int RecentItems { get; set; } = 20;
}
