namespace RetailFunctions.Simulators.Gateway;

/// <summary>
/// Endpoint metadata for APIs that tell operations apart by a query parameter (Walmart's <c>POST feeds?feedType=</c>):
/// the value selects the operation's name, so each feed type has its own rate limit, faults and counters.
/// </summary>
public sealed record SimOperationByQuery(string Parameter, IReadOnlyDictionary<string, string> Names)
{
    public SimOperation Resolve(SimOperation operation, HttpRequest request) =>
        Names.TryGetValue(request.Query[Parameter].ToString(), out var name) ? operation with { Name = name } : operation;
}
