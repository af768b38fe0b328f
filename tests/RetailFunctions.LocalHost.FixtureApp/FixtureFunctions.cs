using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace RetailFunctions.LocalHost.FixtureApp;

public sealed class FixtureFunctions(InvocationLog log)
{
    [Function("Echo")]
    public IActionResult Echo([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "echo/{word}")] HttpRequest request, string word) =>
        new OkObjectResult(new { word, query = request.Query["q"].ToString() });

    [Function("Relay")]
    [QueueOutput("fixture-out")]
    public async Task<string> Relay([QueueTrigger("fixture-in")] string message, long dequeueCount)
    {
        await log.RecordAsync("Relay", $"{message}#{dequeueCount}");
        if (message.StartsWith("fail", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Fixture failure for '{message}'.");
        }

        return "relayed:" + message;
    }

    [Function("StartFromQueue")]
    public async Task StartFromQueue([QueueTrigger("fixture-start")] string instanceId, long dequeueCount, [DurableClient] DurableTaskClient client)
    {
        await log.RecordAsync("StartFromQueue", $"{instanceId}#{dequeueCount}");
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(Countdown), 0, new StartOrchestrationOptions(instanceId));
    }

    [Function("BlobWatcher")]
    public async Task BlobWatcher([BlobTrigger("fixture-blobs/{folder}/{name}")] Stream blob, string folder, string name)
    {
        using var reader = new StreamReader(blob);
        await log.RecordAsync("BlobWatcher", $"{folder}/{name}:{await reader.ReadToEndAsync()}");
    }

    [Function("Ticker")]
    public Task Ticker([TimerTrigger("%FixtureTimerSchedule%")] TimerInfo timer) =>
        log.RecordAsync("Ticker", timer.ScheduleStatus?.Next.ToString("O") ?? "");

    [Function("StartCountdown")]
    public async Task<IActionResult> StartCountdown(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "countdown/{seconds:int}")] HttpRequest request,
        int seconds,
        [DurableClient] DurableTaskClient client)
    {
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync(nameof(Countdown), seconds);
        return new AcceptedResult(instanceId, new { instanceId });
    }

    [Function("CountdownStatus")]
    public async Task<IActionResult> CountdownStatus(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "countdown/{instanceId}")] HttpRequest request,
        string instanceId,
        [DurableClient] DurableTaskClient client)
    {
        var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        return state is null
            ? new NotFoundResult()
            : new OkObjectResult(new { status = state.RuntimeStatus.ToString(), output = state.SerializedOutput });
    }

    [Function(nameof(Countdown))]
    public static async Task<string> Countdown([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var seconds = context.GetInput<int>();
        var before = await context.CallActivityAsync<string>(nameof(Stamp), "before");
        await context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(seconds), CancellationToken.None);
        var after = await context.CallActivityAsync<string>(nameof(Stamp), "after");
        return $"{before}|{after}";
    }

    [Function(nameof(Stamp))]
    public async Task<string> Stamp([ActivityTrigger] string label)
    {
        await log.RecordAsync("Stamp", label);
        return label;
    }
}
