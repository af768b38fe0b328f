using Microsoft.Azure.Functions.Worker;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Hosting;
using RetailFunctions.LocalHost.Invocation;

namespace RetailFunctions.LocalHost.Timers;

/// <summary>Fires a timer-triggered function on its schedule (UTC), and at start when <c>runOnStartup</c> is set.</summary>
internal sealed partial class TimerTriggerListener(
    FunctionDescriptor function,
    AppSettings settings,
    FunctionInvoker invoker,
    TimeProvider time,
    FabricReadiness readiness,
    ILogger<TimerTriggerListener> logger) : TriggerListener(readiness)
{
    protected override async Task ListenAsync(CancellationToken stoppingToken)
    {
        var schedule = TimerSchedule.Parse(settings.Resolve((string)function.Trigger["schedule"]!));
        var last = time.GetUtcNow().UtcDateTime;
        if ((bool?)function.Trigger["runOnStartup"] == true)
        {
            await FireAsync(last, last, stoppingToken);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            var next = schedule.NextAfter(time.GetUtcNow().UtcDateTime);
            var wait = next - time.GetUtcNow().UtcDateTime;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            await FireAsync(last, schedule.NextAfter(next), stoppingToken);
            last = next;
        }
    }

    private async Task FireAsync(DateTime last, DateTime next, CancellationToken stoppingToken)
    {
        var info = new TimerInfo
        {
            IsPastDue = false,
            ScheduleStatus = new ScheduleStatus { Last = last, Next = next, LastUpdated = time.GetUtcNow().UtcDateTime },
        };
        try
        {
            await invoker.InvokeAsync(function, TriggerInput.Of(info), stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            // Like the runtime: a failed tick is logged and the schedule goes on.
            LogTickFailed(ex, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {Function} failed")]
    private partial void LogTickFailed(Exception exception, string function);
}
