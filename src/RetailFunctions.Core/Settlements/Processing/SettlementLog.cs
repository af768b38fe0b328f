using Microsoft.Extensions.Logging;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>The settlement pipeline's log lines; each names the settlement (or, before it is read, the file). No personal data.</summary>
internal static partial class SettlementLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement file {Channel}/{FileName} (settlement {SettlementId}) has content {ContentHash} processed already; nothing to do")]
    public static partial void Duplicate(this ILogger logger, string channel, string fileName, string settlementId, string contentHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settlement file {Channel}/{FileName} (settlement {SettlementId}) has the content of a file being processed; retrying later")]
    public static partial void InProgressElsewhere(this ILogger logger, string channel, string fileName, string settlementId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Settlement file {Channel}/{FileName} (settlement {SettlementId}) quarantined: line {LineNumber}: {Reason}")]
    public static partial void Quarantined(this ILogger logger, string channel, string fileName, string settlementId, int? lineNumber, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement {SettlementId} ({Channel}) resumed after an interrupted attempt")]
    public static partial void Resumed(this ILogger logger, string settlementId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement {SettlementId} ({Channel}) parsed: {LineCount} lines, {OrderCount} orders, total {TotalAmount} {Currency}")]
    public static partial void Parsed(this ILogger logger, string settlementId, string channel, long lineCount, int orderCount, decimal totalAmount, string currency);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement {SettlementId} ({Channel}) journal {JournalKey} posted as {JournalId}")]
    public static partial void JournalPosted(this ILogger logger, string settlementId, string channel, string journalKey, string journalId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement {SettlementId} ({Channel}) has no amount to journal")]
    public static partial void NothingToJournal(this ILogger logger, string settlementId, string channel);

    [LoggerMessage(Level = LogLevel.Information, Message = "Settlement {SettlementId} ({Channel}) reconciled: {Matched} matched, {Variance} variance, {Unknown} unknown, {Unsettled} unsettled, {ExceptionCount} exceptions")]
    public static partial void Reconciled(this ILogger logger, string settlementId, string channel, int matched, int variance, int unknown, int unsettled, int exceptionCount);
}
