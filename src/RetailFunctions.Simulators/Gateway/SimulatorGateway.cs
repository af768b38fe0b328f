using System.Globalization;
using Microsoft.Extensions.Options;
using RetailFunctions.Simulators.Faults;
using RetailFunctions.Simulators.Idempotency;
using RetailFunctions.Simulators.RateLimits;

namespace RetailFunctions.Simulators.Gateway;

/// <summary>
/// What stands in front of every simulated operation, in the order a real API gateway applies it:
/// count, injected fault, rate limit, idempotency, handler.
/// </summary>
public sealed partial class SimulatorGateway(
    RequestDelegate next,
    FaultRegistry faults,
    RateLimitRegistry rateLimits,
    IdempotencyStore idempotency,
    OperationCounters counters,
    IOptions<FaultOptions> faultOptions,
    TimeProvider time,
    ILogger<SimulatorGateway> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var operation = context.GetEndpoint()?.Metadata.GetMetadata<SimOperation>();
        if (operation is null)
        {
            await next(context);
            return;
        }

        if (context.GetEndpoint()?.Metadata.GetMetadata<SimOperationByQuery>() is { } byQuery)
        {
            operation = byQuery.Resolve(operation, context.Request);
        }

        counters.Received(operation);
        var fault = faults.Take(operation.System, operation.Name);
        if (fault is not null && await ApplyFaultBeforeAsync(context, operation, fault))
        {
            return;
        }

        if (!rateLimits.TryAcquire(operation.System, operation.Name, out var retryAfter))
        {
            counters.Throttled(operation);
            LogThrottled(operation.System, operation.Name);
            await WriteStatusAsync(context, StatusCodes.Status429TooManyRequests, retryAfter, "Rate limit exceeded.");
            return;
        }

        var key = context.Request.Headers[IdempotencyStore.HeaderName].ToString();
        if (key.Length == 0 && operation.Idempotency == IdempotencyMode.Required)
        {
            await Results.Problem(statusCode: 400, title: $"The {IdempotencyStore.HeaderName} header is required.").ExecuteAsync(context);
            return;
        }

        var afterProcessing = fault is { AfterProcessing: true };
        if (key.Length == 0 || operation.Idempotency == IdempotencyMode.None)
        {
            if (!afterProcessing)
            {
                await next(context);
                return;
            }

            await ResponseCapture.RunAsync(context, next);
        }
        else
        {
            var outcome = await idempotency.RunAsync(context, operation, key, next);
            if (outcome.Response is null)
            {
                await Results.Problem(statusCode: 422, title: $"{IdempotencyStore.HeaderName} was already used for a different request.").ExecuteAsync(context);
                return;
            }

            if (outcome.Replayed)
            {
                counters.Replayed(operation);
            }

            if (!afterProcessing)
            {
                await outcome.Response.WriteAsync(context.Response, outcome.Replayed);
                return;
            }
        }

        counters.Faulted(operation);
        context.Response.Clear();
        await WriteStatusAsync(context, fault!.Status!.Value, RetryAfter(fault), "Injected fault after processing.");
    }

    /// <returns>True when the fault answered the request.</returns>
    private async Task<bool> ApplyFaultBeforeAsync(HttpContext context, SimOperation operation, FaultSpec fault)
    {
        if (fault.LatencyMs is > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.LatencyMs.Value), time, context.RequestAborted);
        }

        if (fault.Timeout)
        {
            counters.Faulted(operation);
            LogFault(operation.System, operation.Name, "timeout");
            await Task.Delay(faultOptions.Value.TimeoutHold, time, context.RequestAborted);
            await WriteStatusAsync(context, StatusCodes.Status504GatewayTimeout, null, "Injected timeout.");
            return true;
        }

        if (fault.Status is not { } status || fault.AfterProcessing)
        {
            return false;
        }

        counters.Faulted(operation);
        LogFault(operation.System, operation.Name, status.ToString(CultureInfo.InvariantCulture));
        await WriteStatusAsync(context, status, RetryAfter(fault), "Injected fault.");
        return true;
    }

    private static TimeSpan? RetryAfter(FaultSpec fault) =>
        fault.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static Task WriteStatusAsync(HttpContext context, int status, TimeSpan? retryAfter, string title)
    {
        if (retryAfter is { } delay)
        {
            // Retry-After carries whole seconds; rounding down would invite a retry that is refused again.
            context.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(delay.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return Results.Problem(statusCode: status, title: title).ExecuteAsync(context);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Fault {Fault} injected into {System}.{Operation}")]
    private partial void LogFault(string system, string operation, string fault);

    [LoggerMessage(Level = LogLevel.Information, Message = "{System}.{Operation} throttled")]
    private partial void LogThrottled(string system, string operation);
}
