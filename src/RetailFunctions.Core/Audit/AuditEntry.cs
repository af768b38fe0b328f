namespace RetailFunctions.Core.Audit;

/// <summary>
/// One operator action as the audit trail keeps it, never changed afterwards. <paramref name="Before"/> and
/// <paramref name="After"/> are JSON documents of the subject's state around the action (null where there was none).
/// </summary>
public sealed record AuditEntry(
    string Id,
    DateTimeOffset At,
    string Operator,
    string Action,
    string Subject,
    string? Before,
    string? After);
