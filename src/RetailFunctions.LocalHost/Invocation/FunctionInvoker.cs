using System.Globalization;
using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using RetailFunctions.LocalHost.App;

namespace RetailFunctions.LocalHost.Invocation;

/// <summary>
/// Calls a function method the way the worker would: a DI scope per invocation, the class built from it,
/// parameters bound from the trigger, binding data, <see cref="FunctionContext"/>, the cancellation token
/// and the durable client; then the method's result awaited and its output bindings written.
/// </summary>
internal sealed class FunctionInvoker(IServiceProvider services, OutputBindingWriter outputs)
{
    public async Task<object?> InvokeAsync(FunctionDescriptor function, TriggerInput trigger, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = new LocalFunctionContext(
            function.Name,
            $"{function.Method.DeclaringType!.FullName}.{function.Method.Name}",
            function.Method.DeclaringType.Assembly.Location,
            trigger.BindingData,
            scope.ServiceProvider,
            cancellationToken);

        var arguments = await BindAsync(function, trigger, context, scope.ServiceProvider, cancellationToken);
        var instance = function.Method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, function.Method.DeclaringType);
        object? result;
        try
        {
            result = await UnwrapAsync(function.Method.Invoke(instance, arguments));
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(ex.InnerException);
            throw;
        }
        finally
        {
            (instance as IDisposable)?.Dispose();
        }

        await outputs.WriteAsync(function, result, cancellationToken);
        return result;
    }

    private static async Task<object?[]> BindAsync(FunctionDescriptor function, TriggerInput trigger, FunctionContext context, IServiceProvider scoped, CancellationToken cancellationToken)
    {
        var triggerName = (string?)function.Trigger["name"];
        var parameters = function.Method.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            var type = parameter.ParameterType;
            var binding = function.BindingFor(parameter.Name!);
            arguments[i] = type switch
            {
                _ when type == typeof(FunctionContext) => context,
                _ when type == typeof(CancellationToken) => cancellationToken,
                _ when parameter.Name == triggerName => await trigger.Convert(type, cancellationToken),
                _ when (string?)binding?["type"] == "durableClient" => scoped.GetRequiredService<DurableTaskClient>(),
                _ when trigger.BindingData.TryGetValue(parameter.Name!, out var value) => ConvertValue(value, type, parameter.Name!),
                _ when parameter.HasDefaultValue => parameter.DefaultValue,
                _ => throw new InvalidOperationException(
                    $"Function '{function.Name}': the local fabric host cannot bind parameter '{parameter.Name}' of type {type.Name}."),
            };
        }

        return arguments;
    }

    private static object? ConvertValue(object? value, Type type, string name)
    {
        if (value is null || type.IsInstanceOfType(value))
        {
            return value;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        var text = Convert.ToString(value, CultureInfo.InvariantCulture);
        try
        {
            return target switch
            {
                _ when target == typeof(string) => text,
                _ when target == typeof(Guid) => Guid.Parse(text!),
                _ when target == typeof(DateTimeOffset) => DateTimeOffset.Parse(text!, CultureInfo.InvariantCulture),
                _ when target.IsEnum => Enum.Parse(target, text!, ignoreCase: true),
                _ => Convert.ChangeType(text, target, CultureInfo.InvariantCulture),
            };
        }
        catch (FormatException ex)
        {
            throw new InvalidOperationException($"Binding '{name}': '{text}' is not a valid {target.Name}.", ex);
        }
    }

    /// <summary>Awaits Task, Task&lt;T&gt;, ValueTask and ValueTask&lt;T&gt; and returns the result, if any.</summary>
    internal static async Task<object?> UnwrapAsync(object? returned)
    {
        switch (returned)
        {
            case Task task:
                await task;
                var taskType = task.GetType();
                return taskType.IsGenericType && taskType.GetGenericArguments()[0].Name != "VoidTaskResult"
                    ? taskType.GetProperty("Result")!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            case not null when returned.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(ValueTask<>):
                var asTask = (Task)t.GetMethod(nameof(ValueTask<int>.AsTask))!.Invoke(returned, null)!;
                return await UnwrapAsync(asTask);
            default:
                return returned;
        }
    }
}
