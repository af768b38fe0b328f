namespace RetailFunctions.Simulators.Gateway;

public static class SimOperationExtensions
{
    public static RouteHandlerBuilder Operation(
        this RouteHandlerBuilder builder,
        string system,
        string name,
        IdempotencyMode idempotency = IdempotencyMode.None) =>
        builder.WithMetadata(new SimOperation(system, name, idempotency)).WithName($"{system}.{name}");
}
