using System.Text.Json;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Hosting;
using RetailFunctions.LocalHost.Invocation;

namespace RetailFunctions.LocalHost.Queues;

/// <summary>
/// Polls one queue for one function like the Functions queue extension: messages stay invisible while they are
/// handled, a failure makes them visible again after <c>visibilityTimeout</c>, and after <c>maxDequeueCount</c>
/// attempts they move to <c>{queue}-poison</c>.
/// </summary>
internal sealed partial class QueueTriggerListener(
    FunctionDescriptor function,
    AppSettings settings,
    QueueTriggerOptions options,
    FabricReadiness readiness,
    FunctionInvoker invoker,
    ILogger<QueueTriggerListener> logger) : TriggerListener(readiness)
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);

    protected override async Task ListenAsync(CancellationToken stoppingToken)
    {
        var queueName = settings.Resolve((string)function.Trigger["queueName"]!);
        var connection = (string?)function.Trigger["connection"];
        var queue = settings.Queue(connection, queueName);
        var poison = settings.Queue(connection, queueName + "-poison");
        await CreateWhenReachableAsync(queue, stoppingToken);

        var delay = MinPollingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                messages = (await queue.ReceiveMessagesAsync(Math.Clamp(options.BatchSize, 1, 32), MessageLease.Duration, stoppingToken)).Value;
            }
            catch (Exception ex) when (StorageOutage.IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex, queueName);
                messages = [];
            }

            if (messages.Length == 0)
            {
                await Task.Delay(delay, stoppingToken);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, options.MaxPollingInterval.Ticks));
                continue;
            }

            delay = MinPollingInterval;
            await Task.WhenAll(messages.Select(m => HandleAsync(queue, poison, queueName, m, stoppingToken)));
        }
    }

    private async Task HandleAsync(QueueClient queue, QueueClient poison, string queueName, QueueMessage message, CancellationToken stoppingToken)
    {
        Exception? failure = null;
        var lease = new MessageLease(queue, message, ex => LogLeaseRenewalFailed(ex, queueName, message.MessageId));
        try
        {
            await invoker.InvokeAsync(function, Input(message), stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: the message becomes visible again when its lease ends.
            await lease.DisposeAsync();
            return;
        }
        catch (Exception ex)
        {
            failure = ex;
        }

        await lease.DisposeAsync();
        try
        {
            await SettleAsync(queue, poison, queueName, message, lease.PopReceipt, failure);
        }
        catch (Exception ex) when (StorageOutage.IsTransient(ex))
        {
            // The message comes back when its lease ends and is handled again; the functions are idempotent.
            LogSettleFailed(ex, queueName, message.MessageId);
        }
    }

    private async Task SettleAsync(QueueClient queue, QueueClient poison, string queueName, QueueMessage message, string popReceipt, Exception? failure)
    {
        if (failure is null)
        {
            await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        }
        else if (message.DequeueCount >= options.MaxDequeueCount)
        {
            LogPoisoned(failure, function.Name, queueName, message.MessageId, message.DequeueCount);
            await poison.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
            await poison.SendMessageAsync(message.Body, cancellationToken: CancellationToken.None);
            await queue.DeleteMessageAsync(message.MessageId, popReceipt, CancellationToken.None);
        }
        else
        {
            LogRetrying(failure, function.Name, queueName, message.MessageId, message.DequeueCount, options.MaxDequeueCount);
            await queue.UpdateMessageAsync(message.MessageId, popReceipt, visibilityTimeout: options.VisibilityTimeout, cancellationToken: CancellationToken.None);
        }
    }

    private static TriggerInput Input(QueueMessage message)
    {
        var bindingData = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Id"] = message.MessageId,
            ["DequeueCount"] = message.DequeueCount,
            ["InsertionTime"] = message.InsertedOn,
            ["ExpirationTime"] = message.ExpiresOn,
            ["NextVisibleTime"] = message.NextVisibleOn,
            ["PopReceipt"] = message.PopReceipt,
        };
        return new TriggerInput(
            (type, _) => ValueTask.FromResult<object?>(type switch
            {
                _ when type == typeof(string) => message.Body.ToString(),
                _ when type == typeof(byte[]) => message.Body.ToArray(),
                _ when type == typeof(BinaryData) => message.Body,
                _ when type == typeof(QueueMessage) => message,
                _ => JsonSerializer.Deserialize(message.Body, type, JsonSerializerOptions.Web),
            }),
            bindingData);
    }

    private async Task CreateWhenReachableAsync(QueueClient queue, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken);
                return;
            }
            catch (Exception ex) when (StorageOutage.IsTransient(ex) && !stoppingToken.IsCancellationRequested)
            {
                LogPollFailed(ex, queue.Name);
                await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} failed on message {MessageId} from {Queue} (attempt {Attempt} of {MaxAttempts}); it will be retried")]
    private partial void LogRetrying(Exception exception, string function, string queue, string messageId, long attempt, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {Function} failed on message {MessageId} from {Queue} {Attempts} times; moved to the poison queue")]
    private partial void LogPoisoned(Exception exception, string function, string queue, string messageId, long attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lease on message {MessageId} from {Queue} could not be renewed; retrying")]
    private partial void LogLeaseRenewalFailed(Exception exception, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} from {Queue} could not be deleted or released; it returns when its lease ends")]
    private partial void LogSettleFailed(Exception exception, string queue, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue {Queue} cannot be reached; retrying")]
    private partial void LogPollFailed(Exception exception, string queue);
}
