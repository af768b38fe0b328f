namespace RetailFunctions.Simulators.Webhooks;

/// <summary>
/// <c>PUT /_sim/webhooks/{channel}</c> <c>{"lossShare":0.5}</c> loses that share of the channel's order webhooks;
/// <c>GET /_sim/webhooks/{channel}</c> lists what was sent or lost; <c>POST /_sim/webhooks/{channel}/redeliver-lost</c>
/// sends the lost ones late.
/// </summary>
public static class WebhookControlEndpoints
{
    public static IEndpointRouteBuilder MapWebhookControl(this IEndpointRouteBuilder control)
    {
        control.MapPut("/webhooks/{channel}", (string channel, WebhookLossSettings settings, ChannelWebhookSender webhooks) =>
        {
            if (!ChannelWebhookSender.IsChannel(channel))
            {
                return UnknownChannel(channel);
            }

            if (settings.LossShare is < 0 or > 1 || double.IsNaN(settings.LossShare))
            {
                return Results.Problem(statusCode: 400, title: "lossShare must be from 0 to 1.");
            }

            webhooks.SetLossShare(channel, settings.LossShare);
            return Results.NoContent();
        });
        control.MapGet("/webhooks/{channel}", (string channel, ChannelWebhookSender webhooks) =>
            ChannelWebhookSender.IsChannel(channel) ? Results.Ok(webhooks.Deliveries(channel)) : UnknownChannel(channel));
        control.MapPost("/webhooks/{channel}/redeliver-lost", async (string channel, ChannelWebhookSender webhooks, CancellationToken cancellationToken) =>
            ChannelWebhookSender.IsChannel(channel) ? Results.Ok(await webhooks.RedeliverLostAsync(channel, cancellationToken)) : UnknownChannel(channel));
        return control;
    }

    private static IResult UnknownChannel(string channel) =>
        Results.Problem(statusCode: 404, title: $"'{channel}' sends no order webhooks here: use shopify, amazon or walmart.");
}
