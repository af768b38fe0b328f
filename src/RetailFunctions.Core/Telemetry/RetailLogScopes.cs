using Microsoft.Extensions.Logging;

namespace RetailFunctions.Core.Telemetry;

/// <summary>
/// Logging scopes that put a business identifier on every log line written inside them, by any logger of the app
/// (scopes are shared through the logger factory's scope provider, so the ERP client's and the stores' lines carry it
/// too). The same pattern as the order key on every OrderToCash activity.
/// </summary>
public static class RetailLogScopes
{
    public const string SettlementId = "SettlementId";
    public const string SettlementFile = "SettlementFile";
    public const string Sku = "Sku";
    public const string Skus = "Skus";
    public const string Location = "Location";
    public const string Channel = "Channel";

    /// <summary>A settlement file before its settlement id is read (and for a file too malformed to name it).</summary>
    public static IDisposable? ForSettlementFile(ILogger logger, string channel, string fileName) =>
        Begin(logger, new() { [SettlementFile] = $"{channel}/{fileName}", [Channel] = channel });

    public static IDisposable? ForSettlement(ILogger logger, string channel, string settlementId) =>
        Begin(logger, new() { [SettlementId] = settlementId, [Channel] = channel });

    public static IDisposable? ForSku(ILogger logger, string sku, string location) =>
        Begin(logger, new() { [Sku] = sku, [Location] = location });

    /// <summary>Work on several SKUs at once (one message, one channel batch): all of them, each once, comma-separated.</summary>
    public static IDisposable? ForSkus(ILogger logger, IEnumerable<string> skus) =>
        Begin(logger, new() { [Skus] = string.Join(',', skus.Distinct(StringComparer.Ordinal)) });

    private static IDisposable? Begin(ILogger logger, Dictionary<string, object> state)
    {
        ArgumentNullException.ThrowIfNull(logger);
        return logger.BeginScope(state);
    }
}
