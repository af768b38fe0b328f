namespace RetailFunctions.Core.BackOffice;

/// <summary>A call to the ERP, the WMS or a channel API that did not succeed; see the two subclasses.</summary>
public abstract class BackOfficeException(string system, string operation, int? statusCode, string message, Exception? innerException)
    : Exception(message, innerException)
{
    /// <summary><c>erp</c>, <c>wms</c>, <c>shopify</c>, <c>amazon</c> or <c>walmart</c>.</summary>
    public string System { get; } = system;

    public string Operation { get; } = operation;

    /// <summary>The last HTTP status received; null when the system could not be reached.</summary>
    public int? StatusCode { get; } = statusCode;
}
