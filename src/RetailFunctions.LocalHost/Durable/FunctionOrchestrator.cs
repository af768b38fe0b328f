using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Invocation;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>An <c>orchestrationTrigger</c> function run by the Durable Task worker: the context is the trigger value.</summary>
internal sealed class FunctionOrchestrator(FunctionDescriptor function, FunctionInvoker invoker) : ITaskOrchestrator
{
    public Type InputType => typeof(object);

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var functionContext = new FunctionOrchestrationContext(context, input, JsonDataConverter.Default);
        // No cancellation token: orchestrator code must stay deterministic and replay-safe.
        return invoker.InvokeAsync(function, TriggerInput.Of(functionContext, new Dictionary<string, object?> { ["instanceId"] = context.InstanceId }), CancellationToken.None);
    }
}
