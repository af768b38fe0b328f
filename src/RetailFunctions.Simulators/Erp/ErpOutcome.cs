namespace RetailFunctions.Simulators.Erp;

/// <summary>What an ERP command did: a document, or the HTTP status and reason it was refused with.</summary>
public sealed record ErpOutcome<T>(T? Value, int Status, string? Problem)
{
    public static ErpOutcome<T> Ok(T value) => new(value, StatusCodes.Status200OK, null);

    public static ErpOutcome<T> Refused(int status, string problem) => new(default, status, problem);
}
