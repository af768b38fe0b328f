using Microsoft.AspNetCore.Mvc;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Idempotency;

namespace RetailFunctions.Simulators.Wms;

public static class WmsEndpoints
{
    public const string System = "wms";

    public static IEndpointRouteBuilder MapWms(this IEndpointRouteBuilder app)
    {
        var wms = app.MapGroup("/wms");
        wms.MapPost("/fulfilment-requests", RequestFulfilment).Operation(System, "requestFulfilment", IdempotencyMode.Required);
        wms.MapGet("/fulfilment-requests/{requestId}", (string requestId, WmsState state) =>
            state.Get(requestId) is { } record ? Results.Ok(record) : NotFound(requestId)).Operation(System, "getFulfilmentRequest");
        return app;
    }

    public static IEndpointRouteBuilder MapWmsControl(this IEndpointRouteBuilder control)
    {
        control.MapGet("/wms/requests", (WmsState state) => Results.Ok(state.Requests()));
        control.MapGet("/wms/shipments", (WmsState state) => Results.Ok(state.Requests().SelectMany(r => r.Shipments).ToArray()));
        control.MapGet("/wms/settings", (WmsState state) => Results.Ok(state.Settings));
        control.MapPut("/wms/settings", (WmsSettings settings, WmsState state) =>
        {
            if (settings.ShipDelayMs < 0)
            {
                return Results.Problem(statusCode: 400, title: "shipDelayMs cannot be negative.");
            }

            state.Settings = settings;
            return Results.NoContent();
        });
        control.MapPost("/wms/requests/{requestId}/shipments", ShipNow);
        return control;
    }

    private static IResult RequestFulfilment(
        FulfilmentRequest? request,
        [FromHeader(Name = IdempotencyStore.HeaderName)] string idempotencyKey,
        WmsState state,
        ShipmentCallbackDispatcher dispatcher,
        Microsoft.Extensions.Options.IOptions<WmsOptions> options)
    {
        if (Validate(request) is { Count: > 0 } errors)
        {
            return Results.ValidationProblem(errors);
        }

        var record = state.Accept(request!, idempotencyKey);
        var settings = state.Settings;
        if (settings.AutoShip)
        {
            var parcels = ShipmentPlanner.Parcels(record.Unshipped(), settings.SplitShipments);
            for (var i = 0; i < parcels.Count; i++)
            {
                var delay = TimeSpan.FromMilliseconds(settings.ShipDelayMs * (i + 1));
                dispatcher.Schedule(state.AddShipment(record.RequestId, parcels[i], options.Value.Carrier, null, delay)!);
            }
        }

        return Results.Accepted($"/wms/fulfilment-requests/{record.RequestId}", new FulfilmentAccepted(record.RequestId, FulfilmentStatus.Accepted));
    }

    private static IResult ShipNow(
        string requestId,
        ShipmentRequest shipment,
        WmsState state,
        ShipmentCallbackDispatcher dispatcher,
        Microsoft.Extensions.Options.IOptions<WmsOptions> options)
    {
        if (state.Get(requestId) is not { } record)
        {
            return NotFound(requestId);
        }

        var delivery = state.AddShipment(
            requestId,
            shipment.Lines ?? record.Unshipped(),
            shipment.Carrier ?? options.Value.Carrier,
            shipment.TrackingNumber,
            TimeSpan.FromMilliseconds(shipment.DelayMs ?? 0));
        if (delivery is null)
        {
            return Results.Problem(statusCode: 400, title: "Nothing to ship, or more than is left unshipped on the request.");
        }

        dispatcher.Schedule(delivery);
        return Results.Accepted(value: delivery);
    }

    private static Dictionary<string, string[]> Validate(FulfilmentRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request is null)
        {
            errors["body"] = ["A fulfilment request is required."];
            return errors;
        }

        foreach (var (field, value) in new[] { ("orderKey", request.OrderKey), ("channel", request.Channel), ("channelOrderId", request.ChannelOrderId), ("site", request.Site) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors[field] = ["Required."];
            }
        }

        if (request.Lines is not { Count: > 0 } || request.Lines.Any(l => string.IsNullOrWhiteSpace(l.Sku) || l.Quantity <= 0))
        {
            errors["lines"] = ["At least one line, each with a SKU and a positive quantity."];
        }

        return errors;
    }

    private static IResult NotFound(string requestId) => Results.Problem(statusCode: 404, title: $"Fulfilment request {requestId} does not exist.");
}
