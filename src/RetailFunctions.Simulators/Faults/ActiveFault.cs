namespace RetailFunctions.Simulators.Faults;

public sealed record ActiveFault(string System, FaultSpec Spec, int? Remaining, DateTimeOffset? ExpiresAt)
{
    public bool IsSpent(DateTimeOffset now) => Remaining is <= 0 || ExpiresAt <= now;
}
