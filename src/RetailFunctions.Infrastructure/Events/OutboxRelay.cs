using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Telemetry;

namespace RetailFunctions.Infrastructure.Events;

/// <summary>
/// Publishes pending outbox rows in order per aggregate (oldest first) and marks them sent in place, deleting their
/// pending markers. Delivery is at least once: a relay that dies between the send and the mark leaves the row pending, and it is sent again once its lease ends, under the
/// same MessageId (the event id), which the topic's duplicate detection and idempotent consumers absorb. A failed
/// send stops that aggregate for this run (its later events must not overtake it) and is retried after the lease.
/// Order is kept among the rows one run reads: all of an order's <c>order.*</c> events share its ledger partition, so a
/// nudge or a sweep sees them together; an event of the same aggregate kept in another table (a return's
/// <c>return.completed</c>, raised long after the order's last step) is ordered by time only when a sweep sees both.
/// </summary>
public sealed partial class OutboxRelay(
    TableOutbox outbox,
    IRetailEventPublisher publisher,
    TimeProvider time,
    IOptions<RetailEventsOptions> options,
    ILogger<OutboxRelay> logger)
{
    private const int Idle = 0;
    private const int Running = 1;
    private const int RunAgain = 2;

    private readonly RetailEventsOptions _options = options.Value;
    private readonly ConcurrentDictionary<OutboxPartition, StrongBox<int>> _nudged = new();
    private DateTimeOffset? _lastSweep;

    /// <summary>
    /// Relays a nudged partition, one pass at a time per partition in this process. Every commit of a channel's orders
    /// nudges the same partition, and each pass queries it, so a nudge that arrives while a pass runs does not start its
    /// own: it asks for one more pass, which starts after the nudge arrived and so sees its commit, and returns. A failed
    /// pass throws to its own nudge, whose redelivery passes again over the whole partition; the sweep stays the backstop.
    /// </summary>
    public async Task RelayNudgedAsync(OutboxPartition partition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(partition);
        var state = _nudged.GetOrAdd(partition, _ => new StrongBox<int>(Idle));
        if (!TryStartPass(state))
        {
            return;
        }

        try
        {
            await RelayAsync(partition, cancellationToken);
            // Only this pass moves the state away from RunAgain, so once a nudge asked for it the write cannot be lost.
            while (Interlocked.CompareExchange(ref state.Value, Idle, Running) != Running)
            {
                Volatile.Write(ref state.Value, Running);
                await RelayAsync(partition, cancellationToken);
            }
        }
        catch
        {
            Volatile.Write(ref state.Value, Idle);
            throw;
        }
        finally
        {
            // A nudge that took this state just before its removal runs a pass beside a newer one: leases keep that safe.
            _nudged.TryRemove(new KeyValuePair<OutboxPartition, StrongBox<int>>(partition, state));
        }
    }

    /// <summary>True when the caller is to run the pass; false when a running pass was asked for one more.</summary>
    private static bool TryStartPass(StrongBox<int> state)
    {
        while (true)
        {
            var current = Volatile.Read(ref state.Value);
            var next = current == Idle ? Running : RunAgain;
            if (Interlocked.CompareExchange(ref state.Value, next, current) == current)
            {
                return current == Idle;
            }
        }
    }

    /// <summary>
    /// The backstop for lost nudges and failed sends: relays every table's pending rows when <see cref="RetailEventsOptions.SweepInterval"/>
    /// has passed since this relay's last sweep (at once on the first call after a start); null when it is not due yet.
    /// </summary>
    public async Task<OutboxRelayResult?> SweepIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_lastSweep is { } last && now - last < _options.SweepInterval)
        {
            return null;
        }

        _lastSweep = now;
        return await RelayAsync(partition: null, cancellationToken);
    }

    /// <summary>Relays every pending row (the sweep), or one partition's (a nudge); returns how many were published.</summary>
    public async Task<OutboxRelayResult> RelayAsync(OutboxPartition? partition, CancellationToken cancellationToken)
    {
        var pending = await outbox.PendingAsync(partition, _options.BatchSize, cancellationToken);
        int sent = 0, failed = 0, skipped = 0;
        foreach (var aggregate in pending.GroupBy(r => r.Event.AggregateId, StringComparer.Ordinal))
        {
            foreach (var row in aggregate)
            {
                var outcome = await RelayRowAsync(row, cancellationToken);
                if (outcome == RowOutcome.Sent)
                {
                    sent++;
                    continue;
                }

                if (outcome == RowOutcome.Failed)
                {
                    failed++;
                }
                else
                {
                    skipped++;
                }

                break;
            }
        }

        if (sent + failed > 0)
        {
            LogRelayed(sent, failed, skipped);
        }

        return new OutboxRelayResult(sent, failed);
    }

    private async Task<RowOutcome> RelayRowAsync(OutboxRow row, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (row.LeasedUntil > now)
        {
            return RowOutcome.Skipped;
        }

        var leased = await outbox.TryLeaseAsync(row, now + _options.LeaseDuration, cancellationToken);
        if (leased is null)
        {
            return RowOutcome.Skipped;
        }

        var retailEvent = leased.Event;
        ActivityContext.TryParse(retailEvent.TraceParent, null, out var parent);
        using var activity = RetailActivity.Source.StartActivity("outbox publish", ActivityKind.Producer, parent);
        activity?.SetTag("retail.event.id", retailEvent.EventId);
        activity?.SetTag("retail.event.type", retailEvent.EventType);
        activity?.SetTag("retail.aggregate.id", retailEvent.AggregateId);
        try
        {
            await publisher.SendAsync(retailEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            LogSendFailed(ex, retailEvent.EventId, retailEvent.EventType, retailEvent.AggregateId, _options.LeaseDuration);
            return RowOutcome.Failed;
        }

        if (!await outbox.TryMarkSentAsync(leased, cancellationToken))
        {
            LogLeaseLost(retailEvent.EventId, retailEvent.AggregateId);
        }

        return RowOutcome.Sent;
    }

    private enum RowOutcome
    {
        Sent,
        Failed,
        Skipped,
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox relay published {Sent} event(s); {Failed} failed, {Skipped} aggregate(s) held by another relay")]
    private partial void LogRelayed(int sent, int failed, int skipped);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} ({EventType}) of {AggregateId} could not be published; retried after {Lease}")]
    private partial void LogSendFailed(Exception exception, string eventId, string eventType, string aggregateId, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event {EventId} of {AggregateId} was published after its lease ended; it may be published twice under the same message id")]
    private partial void LogLeaseLost(string eventId, string aggregateId);
}
