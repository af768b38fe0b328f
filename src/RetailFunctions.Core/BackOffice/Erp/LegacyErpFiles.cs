using System.Text;

namespace RetailFunctions.Core.BackOffice.Erp;

/// <summary>
/// The file exchange with the legacy ERP. A document is written once to
/// <c>erp-legacy-outbox/{documentType}/{key}.json</c>; its acknowledgement comes back as
/// <c>erp-legacy-inbox/{documentType}/{key}.ack.json</c>. The key is the document's idempotency key, so a repeated
/// posting names the same file and creates nothing new.
/// </summary>
public static class LegacyErpFiles
{
    public const string FormatVersion = "retail-legacy-erp/1";
    public const string OutboxContainer = "erp-legacy-outbox";
    public const string InboxContainer = "erp-legacy-inbox";

    public const string SalesOrder = "sales-order";
    public const string Cancellation = "cancellation";
    public const string Invoice = "invoice";
    public const string CreditMemo = "credit-memo";
    public const string Journal = "journal";

    private const string DocumentSuffix = ".json";
    private const string AcknowledgementSuffix = ".ack.json";

    public static string DocumentPath(string documentType, string documentKey) => $"{documentType}/{FileKey(documentKey)}{DocumentSuffix}";

    public static string AcknowledgementPath(string documentType, string documentKey) => $"{documentType}/{FileKey(documentKey)}{AcknowledgementSuffix}";

    /// <summary>The acknowledgement's name for an outbox file's name.</summary>
    public static string AcknowledgementPathFor(string documentPath) =>
        documentPath.EndsWith(DocumentSuffix, StringComparison.Ordinal)
            ? documentPath[..^DocumentSuffix.Length] + AcknowledgementSuffix
            : throw new ArgumentException($"'{documentPath}' is not a legacy ERP document name.", nameof(documentPath));

    /// <summary>Keys are made of letters, digits, '-', '_' and '.'; anything else is hex-escaped so two keys never share a file.</summary>
    public static string FileKey(string documentKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(documentKey);
        var name = new StringBuilder(documentKey.Length);
        foreach (var c in documentKey)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
            {
                name.Append(c);
            }
            else
            {
                name.Append('~').Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return name.ToString();
    }
}
