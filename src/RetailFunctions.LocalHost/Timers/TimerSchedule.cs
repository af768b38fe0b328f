using System.Globalization;
using NCrontab;

namespace RetailFunctions.LocalHost.Timers;

/// <summary>A timer trigger schedule: six-field NCRONTAB (with seconds), five-field CRON, or a constant <c>hh:mm:ss</c> interval.</summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan interval)
    {
        _cron = cron;
        _interval = interval;
    }

    public static TimerSchedule Parse(string expression)
    {
        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval);
        }

        var fields = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var cron = CrontabSchedule.Parse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = fields == 6 });
        return new TimerSchedule(cron, TimeSpan.Zero);
    }

    public DateTime NextAfter(DateTime utc) => _cron?.GetNextOccurrence(utc) ?? utc + _interval;
}
