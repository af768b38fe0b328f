namespace RetailFunctions.Core.Audit;

/// <summary>Builds entries with a fresh id, so every caller records actions the same way.</summary>
public static class AuditEntries
{
    /// <summary>Who acts when no operator is named: the login of the shell, else <c>unknown</c>.</summary>
    public static string DefaultOperator() =>
        Environment.GetEnvironmentVariable("USER") is { Length: > 0 } user ? user
        : Environment.GetEnvironmentVariable("USERNAME") is { Length: > 0 } windowsUser ? windowsUser
        : "unknown";

    public static AuditEntry New(DateTimeOffset at, string @operator, string action, string subject, string? before, string? after)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(@operator);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);
        return new AuditEntry(Guid.NewGuid().ToString("N"), at, @operator.Trim(), action, subject, before, after);
    }
}
