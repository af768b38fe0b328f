namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>Where one business unit or location (<c>STORE-001</c>, <c>DC1</c>) books its documents.</summary>
public sealed class ErpSiteRoute
{
    /// <summary>The ERP the site uses from <see cref="CutoverAt"/> on (at once when no cutover is set).</summary>
    public ErpSystem Erp { get; set; } = ErpSystem.Cloud;

    /// <summary>Until then the site stays on the other ERP, so a migration date can be configured ahead of time.</summary>
    public DateTimeOffset? CutoverAt { get; set; }

    public ErpSystem At(DateTimeOffset now) =>
        CutoverAt is { } cutover && now < cutover ? Other(Erp) : Erp;

    private static ErpSystem Other(ErpSystem erp) => erp == ErpSystem.Cloud ? ErpSystem.Legacy : ErpSystem.Cloud;
}
