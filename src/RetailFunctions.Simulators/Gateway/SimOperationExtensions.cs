namespace RetailFunctions.Simulators.Gateway;

public static class SimOperationExtensions
{
    public static RouteHandlerBuilder Operation(
        this RouteHandlerBuilder builder,
        string system,
        string name,
        IdempotencyMode idempotency = IdempotencyMode.None) =>
        builder.WithMetadata(new SimOperation(system, name, idempotency)).WithName($"{system}.{name}");

    /// <summary>An operation named by a query parameter's value (<paramref name="names"/>), <paramref name="name"/> otherwise.</summary>
    public static RouteHandlerBuilder OperationByQuery(
        this RouteHandlerBuilder builder,
        string system,
        string name,
        string parameter,
        IReadOnlyDictionary<string, string> names,
        IdempotencyMode idempotency = IdempotencyMode.None) =>
        builder.Operation(system, name, idempotency).WithMetadata(new SimOperationByQuery(parameter, names));
}
