using Microsoft.DurableTask;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Invocation;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>An <c>activityTrigger</c> function: the worker deserializes the input to the trigger parameter's type.</summary>
internal sealed class FunctionActivity(FunctionDescriptor function, FunctionInvoker invoker) : ITaskActivity
{
    private readonly Type _inputType = function.Method.GetParameters()
        .Single(p => p.Name == (string?)function.Trigger["name"]).ParameterType;

    public Type InputType => _inputType == typeof(TaskActivityContext) ? typeof(object) : _inputType;

    public Type OutputType => typeof(object);

    public Task<object?> RunAsync(TaskActivityContext context, object? input) =>
        invoker.InvokeAsync(
            function,
            TriggerInput.Of(_inputType == typeof(TaskActivityContext) ? context : input, new Dictionary<string, object?> { ["instanceId"] = context.InstanceId }),
            CancellationToken.None);
}
