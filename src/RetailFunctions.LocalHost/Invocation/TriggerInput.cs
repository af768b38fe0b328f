namespace RetailFunctions.LocalHost.Invocation;

/// <summary>
/// What a trigger hands to an invocation: a converter for the trigger parameter (by its declared type)
/// and the binding data that other parameters may name (route values, blob path tokens, queue metadata).
/// </summary>
internal sealed record TriggerInput(
    Func<Type, CancellationToken, ValueTask<object?>> Convert,
    IReadOnlyDictionary<string, object?> BindingData)
{
    public static TriggerInput Of(object? value, IReadOnlyDictionary<string, object?>? bindingData = null) =>
        new((type, _) => ValueTask.FromResult(type.IsInstanceOfType(value) || value is null ? value : throw new InvalidCastException($"Cannot bind {value.GetType().Name} to {type.Name}.")),
            bindingData ?? new Dictionary<string, object?>());
}
