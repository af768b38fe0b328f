namespace RetailFunctions.Core.BackOffice;

/// <summary>
/// The system refused the request itself (4xx other than 408/429, or a GraphQL user error): sending it again will fail
/// again, so the workflow should stop and surface <see cref="Exception.Message"/> rather than retry.
/// </summary>
public sealed class BackOfficeRejectedException(string system, string operation, int statusCode, string? detail)
    : BackOfficeException(system, operation, statusCode, $"{system} rejected {operation} ({statusCode}){Suffix(detail)}", null)
{
    public string? Detail { get; } = detail;

    private static string Suffix(string? detail) => string.IsNullOrEmpty(detail) ? "" : $": {detail}";
}
