using System.Globalization;
using RetailFunctions.Core.BackOffice.Erp;

namespace RetailFunctions.Simulators.LegacyErp;

/// <summary>
/// What the legacy ERP decides about one file: a number from the series of its type, or a rejection naming the problem.
/// Numbers continue from the acknowledgements already in the inbox, so a restart does not hand one out twice.
/// </summary>
public sealed class LegacyErpBook
{
    private static readonly Dictionary<string, string> Series = new(StringComparer.Ordinal)
    {
        [LegacyErpFiles.SalesOrder] = "LSO",
        [LegacyErpFiles.Cancellation] = "LCX",
        [LegacyErpFiles.Invoice] = "LIN",
        [LegacyErpFiles.CreditMemo] = "LCM",
        [LegacyErpFiles.Journal] = "LJE",
    };

    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _issued = new(StringComparer.Ordinal);

    public void Seen(string documentType)
    {
        lock (_gate)
        {
            _issued[documentType] = _issued.GetValueOrDefault(documentType) + 1;
        }
    }

    /// <returns>The acknowledgement to write back.</returns>
    public LegacyErpAcknowledgement Book(LegacyErpDocument document, DateTimeOffset now)
    {
        var problem = Problem(document);
        if (problem is not null)
        {
            return new(LegacyErpFiles.FormatVersion, document.DocumentType, document.DocumentKey, LegacyErpAcknowledgement.Rejected, null, problem, now);
        }

        lock (_gate)
        {
            var count = _issued.GetValueOrDefault(document.DocumentType) + 1;
            _issued[document.DocumentType] = count;
            var number = string.Create(CultureInfo.InvariantCulture, $"{Series[document.DocumentType]}-{count:D6}");
            return new(LegacyErpFiles.FormatVersion, document.DocumentType, document.DocumentKey, LegacyErpAcknowledgement.Accepted, number, null, now);
        }
    }

    private static string? Problem(LegacyErpDocument document) =>
        document.Format != LegacyErpFiles.FormatVersion ? $"unknown format '{document.Format}'"
        : !Series.ContainsKey(document.DocumentType) ? $"unknown document type '{document.DocumentType}'"
        : document.DocumentType switch
        {
            LegacyErpFiles.SalesOrder => document.SalesOrder is not { Lines.Count: > 0 } order ? "sales order without lines"
                : order.Lines.Any(l => l.Quantity <= 0) ? "sales order line with a quantity below 1"
                : null,
            LegacyErpFiles.Cancellation => string.IsNullOrEmpty(document.Cancellation?.OrderNumber) ? "cancellation without an order number" : null,
            LegacyErpFiles.Invoice => string.IsNullOrEmpty(document.Invoice?.ErpOrderId) ? "invoice without an order number" : null,
            LegacyErpFiles.CreditMemo => document.CreditMemo is not { Lines.Count: > 0 } ? "credit memo without lines" : null,
            _ => document.Journal is not { Lines.Count: > 0 } journal ? "journal without lines"
                : journal.Lines.Sum(l => l.Debit) != journal.Lines.Sum(l => l.Credit) ? "journal does not balance"
                : null,
        };
}
