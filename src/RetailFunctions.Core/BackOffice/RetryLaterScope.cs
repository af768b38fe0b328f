namespace RetailFunctions.Core.BackOffice;

/// <summary>
/// Marks the calls made inside it as coming from a step that its caller retries later on a durable timer (a Durable
/// activity). There a back-office client does not wait out a long <c>Retry-After</c>: it fails at once with
/// <see cref="BackOfficeUnavailableException.RetryAfter"/> set, so the wait holds no worker slot. Outside, e.g. in a queue
/// or blob trigger whose redeliveries count towards poison, the wait stays inline.
/// </summary>
public static class RetryLaterScope
{
    private static readonly AsyncLocal<bool> Active = new();

    public static bool IsActive => Active.Value;

    public static IDisposable Begin()
    {
        var outer = Active.Value;
        Active.Value = true;
        return new Restore(outer);
    }

    private sealed class Restore(bool outer) : IDisposable
    {
        public void Dispose() => Active.Value = outer;
    }
}
