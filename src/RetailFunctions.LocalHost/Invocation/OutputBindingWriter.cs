using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Queues;
using RetailFunctions.LocalHost.App;

namespace RetailFunctions.LocalHost.Invocation;

/// <summary>
/// Writes output bindings from a function's result: <c>$return</c> is the result itself, any other name is
/// the result's property of that name (multi-output types). HTTP outputs are the HTTP endpoint's business.
/// </summary>
internal sealed class OutputBindingWriter(AppSettings settings)
{
    public static readonly IReadOnlySet<string> SupportedTypes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "queue", "http" };
    private readonly ConcurrentDictionary<string, Task<QueueClient>> _queues = new();

    public static object? ValueOf(JsonObject binding, object? result)
    {
        var name = (string)binding["name"]!;
        if (name == "$return" || result is null)
        {
            return result;
        }

        return result.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.GetValue(result);
    }

    public async Task WriteAsync(FunctionDescriptor function, object? result, CancellationToken cancellationToken)
    {
        foreach (var binding in function.OutputBindings.Where(b => (string?)b["type"] == "queue"))
        {
            var value = ValueOf(binding, result);
            if (value is null)
            {
                continue;
            }

            var queue = await QueueAsync((string?)binding["connection"], settings.Resolve((string)binding["queueName"]!));
            foreach (var message in Messages(value))
            {
                await queue.SendMessageAsync(message, cancellationToken: cancellationToken);
            }
        }
    }

    private static IEnumerable<BinaryData> Messages(object value) => value switch
    {
        string text => [BinaryData.FromString(text)],
        byte[] bytes => [BinaryData.FromBytes(bytes)],
        BinaryData data => [data],
        IEnumerable items => items.Cast<object>().SelectMany(Messages),
        _ => [BinaryData.FromString(JsonSerializer.Serialize(value, value.GetType(), JsonSerializerOptions.Web))],
    };

    private Task<QueueClient> QueueAsync(string? connection, string queueName) =>
        _queues.GetOrAdd($"{connection}|{queueName}", async _ =>
        {
            var client = settings.Queue(connection, queueName);
            await client.CreateIfNotExistsAsync();
            return client;
        });
}
