namespace RetailFunctions.Simulators.Channels;

public static class ChannelCatalogEndpoints
{
    /// <summary>
    /// <c>GET /_sim/{channel}/catalog</c> (what it holds), <c>PUT|DELETE /_sim/{channel}/catalog/rejections</c> (refuse
    /// SKUs), <c>PUT /_sim/{channel}/catalog/{sku}</c> <c>{"price"}</c> and <c>DELETE …/{sku}</c> (drift).
    /// </summary>
    public static IEndpointRouteBuilder MapChannelCatalog<TState>(this IEndpointRouteBuilder control, string channel, Func<TState, ChannelCatalog> catalog)
        where TState : notnull
    {
        control.MapGet($"/{channel}/catalog", (TState state) => Results.Ok(catalog(state).Listings()));
        control.MapPut($"/{channel}/catalog/rejections", (CatalogRejections rejections, TState state) =>
        {
            catalog(state).Reject(rejections.Skus, rejections.Reason ?? "Listing refused by the simulator.");
            return Results.NoContent();
        });
        control.MapPut($"/{channel}/catalog/{{sku}}", (string sku, CatalogTamper tamper, TState state) =>
            catalog(state).Tamper(sku, tamper.Price) ? Results.NoContent() : Results.NotFound());
        control.MapDelete($"/{channel}/catalog/{{sku}}", (string sku, TState state) =>
            catalog(state).Tamper(sku, null) ? Results.NoContent() : Results.NotFound());
        return control;
    }
}
