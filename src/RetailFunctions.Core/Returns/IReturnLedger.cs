using RetailFunctions.Core.Events;

namespace RetailFunctions.Core.Returns;

/// <summary>Every return the fabric has seen, one row per returning channel and return id.</summary>
public interface IReturnLedger
{
    /// <summary>Keeps the request as <see cref="ReturnStatus.Received"/>; a request already kept is left as it is.</summary>
    /// <returns>False when it was already kept (a redelivery).</returns>
    Task<bool> RecordRequestAsync(ReturnRequest request, CancellationToken cancellationToken);

    Task<ReturnRequest?> FindRequestAsync(string channel, string returnId, CancellationToken cancellationToken);

    Task<ReturnRecord?> FindAsync(string channel, string returnId, CancellationToken cancellationToken);

    /// <exception cref="InvalidOperationException">The return is not in the ledger.</exception>
    Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, CancellationToken cancellationToken);

    /// <summary>Records the step and the event that announces it as one atomic write: both are kept or neither is.</summary>
    /// <exception cref="InvalidOperationException">The return is not in the ledger.</exception>
    Task UpdateProgressAsync(string channel, string returnId, ReturnProgress progress, RetailEvent announcement, CancellationToken cancellationToken);
}
