namespace RetailFunctions.LocalHost.Hosting;

/// <summary>
/// Whether the host can take work. Until the Durable worker is connected to the sidecar, a function that starts an
/// orchestration fails ("connection refused") and counts a failed attempt against its message, so trigger listeners
/// wait for this and HTTP functions answer 503. An app without Durable functions is ready at once.
/// </summary>
internal sealed class FabricReadiness
{
    private readonly TaskCompletionSource<bool> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private FabricReadiness()
    {
    }

    public bool IsReady => _outcome.Task is { IsCompletedSuccessfully: true, Result: true };

    /// <summary>Why the host is not ready, for HTTP callers and logs.</summary>
    public string Status { get; private set; } = "The local fabric host is starting: the Durable worker is not connected to the sidecar yet.";

    public static FabricReadiness Ready()
    {
        var readiness = new FabricReadiness();
        readiness.MarkReady();
        return readiness;
    }

    public static FabricReadiness AwaitingDurable() => new();

    /// <summary>Reports the host ready; false if it already was, or was given up on.</summary>
    public bool MarkReady() => _outcome.TrySetResult(true);

    /// <summary>Gives up on the host becoming ready; false if it became ready first.</summary>
    public bool TryFail(string reason)
    {
        if (!_outcome.TrySetResult(false))
        {
            return false;
        }

        Status = reason;
        return true;
    }

    /// <summary>True once ready; false if the host will never be (it is stopping, see <see cref="Status"/>).</summary>
    public Task<bool> WaitAsync(CancellationToken cancellationToken) => _outcome.Task.WaitAsync(cancellationToken);
}
