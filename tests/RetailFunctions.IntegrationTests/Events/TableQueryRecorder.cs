using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace RetailFunctions.IntegrationTests.Events;

/// <summary>
/// Records the filter of every Table query sent through the clients it is added to, and tells how many rows their key
/// ranges cover: Table storage indexes only PartitionKey and RowKey, so that is what a query reads, whatever its
/// property conditions leave in the answer.
/// </summary>
internal sealed partial class TableQueryRecorder : HttpPipelineSynchronousPolicy
{
    private readonly ConcurrentQueue<string> _filters = new();

    public TableClientOptions Options()
    {
        var options = new TableClientOptions();
        options.AddPolicy(this, HttpPipelinePosition.PerCall);
        return options;
    }

    public IReadOnlyList<string> Filters => [.. _filters];

    public void Clear() => _filters.Clear();

    public override void OnSendingRequest(HttpMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Request.Method == RequestMethod.Get && HttpUtility.ParseQueryString(message.Request.Uri.Query)["$filter"] is { } filter)
        {
            _filters.Enqueue(filter);
        }
    }

    /// <summary>
    /// How many of <paramref name="rows"/> (a snapshot taken before the queries ran) lie in the key ranges of the
    /// recorded queries; throws for a query not bound to one partition.
    /// </summary>
    public int RowsCovered(IReadOnlyCollection<TableEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var covered = 0;
        foreach (var filter in Filters.Distinct(StringComparer.Ordinal))
        {
            var partition = Bound(PartitionEq(), filter) ?? throw new InvalidOperationException($"The query '{filter}' reads more than one partition.");
            var from = Bound(RowKeyGe(), filter);
            var to = Bound(RowKeyLt(), filter);
            covered += rows.Count(r => r.PartitionKey == partition
                && (from is null || string.CompareOrdinal(r.RowKey, from) >= 0)
                && (to is null || string.CompareOrdinal(r.RowKey, to) < 0));
        }

        return covered;
    }

    private static string? Bound(Regex condition, string filter) =>
        condition.Match(filter) is { Success: true } match ? match.Groups["value"].Value.Replace("''", "'", StringComparison.Ordinal) : null;

    [GeneratedRegex("PartitionKey eq '(?<value>(?:[^']|'')*)'")]
    private static partial Regex PartitionEq();

    [GeneratedRegex("RowKey ge '(?<value>(?:[^']|'')*)'")]
    private static partial Regex RowKeyGe();

    [GeneratedRegex("RowKey lt '(?<value>(?:[^']|'')*)'")]
    private static partial Regex RowKeyLt();
}
