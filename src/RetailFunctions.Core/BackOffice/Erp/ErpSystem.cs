namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>The two ERPs a retailer runs side by side while it migrates store by store.</summary>
public enum ErpSystem
{
    /// <summary>The cloud ERP's REST API (<c>BackOffice:Erp:BaseUrl</c>).</summary>
    Cloud,

    /// <summary>The legacy ERP that takes batch files from blob storage and answers with acknowledgement files.</summary>
    Legacy,
}
