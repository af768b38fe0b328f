namespace RetailFunctions.Simulators.Channels;

public static class ChannelInboxEndpoints
{
    /// <summary><c>/_sim/{channel}/acknowledgements|cancellations|tracking|refunds|inventory</c>.</summary>
    public static IEndpointRouteBuilder MapChannelInbox<TState>(this IEndpointRouteBuilder control, string channel, Func<TState, ChannelInbox> inbox)
        where TState : notnull
    {
        control.MapGet($"/{channel}/acknowledgements", (TState state) => Results.Ok(inbox(state).Acknowledgements()));
        control.MapGet($"/{channel}/cancellations", (TState state) => Results.Ok(inbox(state).Cancellations()));
        control.MapGet($"/{channel}/tracking", (TState state) => Results.Ok(inbox(state).Tracking()));
        control.MapGet($"/{channel}/refunds", (TState state) => Results.Ok(inbox(state).Refunds()));
        control.MapGet($"/{channel}/inventory", (TState state) => Results.Ok(inbox(state).Inventory()));
        return control;
    }
}
