using System.Globalization;

namespace RetailFunctions.Simulators.Channels;

/// <summary>
/// "Orders updated since" listings as the channels page them: the cursor carries the filter and the offset, so the
/// next page needs nothing else. Orders come oldest update first.
/// </summary>
public static class OrderListing
{
    public static (IReadOnlyList<T> Page, string? NextCursor) Page<T>(IEnumerable<T> orders, Func<T, DateTimeOffset> updatedAt, DateTimeOffset since, int offset, int limit)
    {
        var matching = orders.Where(o => updatedAt(o) >= since).OrderBy(updatedAt).ToList();
        var page = matching.Skip(offset).Take(limit).ToList();
        return (page, offset + page.Count < matching.Count ? Cursor(since, offset + page.Count) : null);
    }

    public static string Cursor(DateTimeOffset since, int offset) =>
        string.Create(CultureInfo.InvariantCulture, $"{since.UtcTicks}-{offset}");

    public static bool TryReadCursor(string? cursor, out DateTimeOffset since, out int offset)
    {
        since = default;
        offset = 0;
        var parts = cursor?.Split('-');
        if (parts is not [var ticks, var skip]
            || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var utcTicks) || utcTicks < 0 || utcTicks > DateTimeOffset.MaxValue.UtcTicks
            || !int.TryParse(skip, CultureInfo.InvariantCulture, out offset) || offset < 0)
        {
            return false;
        }

        since = new DateTimeOffset(utcTicks, TimeSpan.Zero);
        return true;
    }

    public static bool TryReadInstant(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);
}
