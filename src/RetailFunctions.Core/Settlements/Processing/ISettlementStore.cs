using RetailFunctions.Core.Events;

namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>Where the settlement pipeline keeps its state and results.</summary>
public interface ISettlementStore
{
    /// <summary>Claims the file's content hash for <paramref name="file"/>; nothing else is written before this.</summary>
    Task<SettlementClaim> ClaimAsync(SettlementFile file, string contentHash, CancellationToken cancellationToken);

    /// <summary>Marks the claim done, so the same content is never processed again.</summary>
    Task CompleteClaimAsync(SettlementFile file, string contentHash, string outcome, string? settlementId, CancellationToken cancellationToken);

    /// <summary>Copies the file to <c>settlements-quarantine/{channel}/{name}</c> with the reason as metadata and a <c>.reason.json</c> sidecar.</summary>
    Task QuarantineAsync(SettlementFile file, QuarantineReason reason, CancellationToken cancellationToken);

    /// <summary>Writes the settlement's exceptions with deterministic keys, so a re-run of the same reconciliation writes the same rows.</summary>
    Task SaveExceptionsAsync(SettlementOverview settlement, IReadOnlyList<Reconciliation.SettlementException> exceptions, CancellationToken cancellationToken);

    Task SaveOverviewAsync(SettlementOverview settlement, CancellationToken cancellationToken);

    /// <summary>Writes the overview again together with the event that announces the settlement, as one atomic write.</summary>
    Task SaveOverviewAsync(SettlementOverview settlement, RetailEvent announcement, CancellationToken cancellationToken);

    Task SaveReportAsync(SettlementReport report, CancellationToken cancellationToken);

    Task<SettlementOverview?> FindOverviewAsync(string channel, string settlementId, CancellationToken cancellationToken);
}
