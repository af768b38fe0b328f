namespace RetailFunctions.Core.Audit;

/// <summary>The append-only record of operator actions: who, when, what, and the state before and after.</summary>
public interface IAuditTrail
{
    /// <summary>Adds the entry; an entry with the same id is never overwritten.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first; empty when nothing was ever recorded.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(int max, CancellationToken cancellationToken);
}
