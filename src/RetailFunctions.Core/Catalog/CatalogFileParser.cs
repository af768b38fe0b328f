using System.Globalization;
using System.Text;
using System.Text.Json;
using nietras.SeparatedValues;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Catalog;

/// <summary>
/// Product files from the ERP or PIM: CSV with a header (<c>sku, version, title, description, brand, gtin, price</c>
/// (or <c>base_price</c>), <c>currency, tax_class, status</c>, and <c>attr.{name}</c> columns for attributes) or JSON
/// lines (one change object per line, as in the change API). Rows without a version take
/// <paramref name="defaultVersion"/>. The whole file is checked before anything is applied; a problem names its line.
/// </summary>
public static class CatalogFileParser
{
    private const int BufferSize = 1 << 16;

    public static bool IsJsonLines(string fileName) =>
        fileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase)
        || fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string fileName) => fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public static async Task<IReadOnlyList<CatalogItemChange>> ParseAsync(Stream content, string fileName, long defaultVersion, CancellationToken cancellationToken)
    {
        var items = IsCsv(fileName) ? await CsvAsync(content, defaultVersion, cancellationToken)
            : IsJsonLines(fileName) ? await JsonLinesAsync(content, defaultVersion, cancellationToken)
            : throw new CatalogFileFormatException(null, "file", $"'{fileName}' is neither .csv nor .jsonl.");
        return items.Count > 0 ? items : throw new CatalogFileFormatException(null, "file", "The file holds no products.");
    }

    private static async Task<List<CatalogItemChange>> JsonLinesAsync(Stream content, long defaultVersion, CancellationToken cancellationToken)
    {
        var items = new List<CatalogItemChange>();
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                items.Add(CatalogItemReader.Read(document.RootElement, "", defaultVersion));
            }
            catch (JsonException ex)
            {
                throw new CatalogFileFormatException(lineNumber, "line", $"not valid JSON: {ex.Message}");
            }
            catch (WebhookPayloadException ex)
            {
                throw new CatalogFileFormatException(lineNumber, ex.Field, ex.Message);
            }
        }

        return items;
    }

    private static async Task<List<CatalogItemChange>> CsvAsync(Stream content, long defaultVersion, CancellationToken cancellationToken)
    {
        var text = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, BufferSize, leaveOpen: true);
        using var reader = await Sep
            .Reader(o => o with { Sep = new Sep(','), CultureInfo = CultureInfo.InvariantCulture, Unescape = true, DisableColCountCheck = true, ColNameComparer = StringComparer.OrdinalIgnoreCase })
            .FromAsync(text, cancellationToken);
        var header = reader.Header;
        if (Column(header, "sku") is null)
        {
            throw new CatalogFileFormatException(1, "sku", "The header has no 'sku' column.");
        }

        var attributeColumns = header.ColNames.Where(n => n.StartsWith("attr.", StringComparison.OrdinalIgnoreCase)).ToArray();
        var items = new List<CatalogItemChange>();
        var lineNumber = 1;
        await foreach (var row in reader)
        {
            lineNumber++;
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            try
            {
                items.Add(Row(cells, header, attributeColumns, defaultVersion));
            }
            catch (WebhookPayloadException ex)
            {
                throw new CatalogFileFormatException(lineNumber, ex.Field, ex.Message);
            }
        }

        return items;
    }

    private static CatalogItemChange Row(string[] cells, SepReaderHeader header, string[] attributeColumns, long defaultVersion)
    {
        string? Cell(params string[] names) =>
            names.Select(n => Column(header, n)).FirstOrDefault(i => i is not null) is { } index && index < cells.Length && cells[index].Trim() is { Length: > 0 } value
                ? value
                : null;

        var sku = Cell("sku") ?? throw new WebhookPayloadException("sku", "'sku' is required.");
        var versionText = Cell("version");
        var version = versionText is null ? defaultVersion
            : long.TryParse(versionText, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v
            : throw new WebhookPayloadException("version", $"'version' must be a non-negative whole number, not '{versionText}'.");
        var priceText = Cell("price", "base_price", "basePrice");
        decimal? price = priceText is null ? null
            : decimal.TryParse(priceText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var p) ? p
            : throw new WebhookPayloadException("price", $"'price' must be a decimal amount, not '{priceText}'.");
        var attributes = attributeColumns
            .Select(c => (Name: c["attr.".Length..], Value: Cell(c)))
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Name, a => a.Value!, StringComparer.Ordinal);
        return new CatalogItemChange(
            sku,
            version,
            Cell("title"),
            Cell("description"),
            Cell("brand"),
            Cell("gtin"),
            attributes.Count > 0 ? attributes : null,
            CatalogFields.Price(price, "price"),
            CatalogFields.Currency(Cell("currency"), "currency"),
            Cell("tax_class", "taxClass"),
            CatalogFields.Status(Cell("status"), "status"));
    }

    private static int? Column(SepReaderHeader header, string name) =>
        header.TryIndexOf(name, out var index) ? index : null;
}
