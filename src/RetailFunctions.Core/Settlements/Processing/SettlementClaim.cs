namespace RetailFunctions.Core.Settlements.Processing;

/// <summary>The answer to claiming a file's content hash before any side effect.</summary>
public enum SettlementClaim
{
    /// <summary>First time this content is seen: process it.</summary>
    Claimed,

    /// <summary>This same blob claimed the content earlier and did not finish (a retry): process it again, idempotently.</summary>
    Resumed,

    /// <summary>The content was processed (or quarantined) already: do nothing.</summary>
    AlreadyProcessed,

    /// <summary>Another blob with the same content is being processed right now: retry later.</summary>
    InProgressElsewhere,
}
