using RetailFunctions.Simulators.Faults;
using RetailFunctions.Simulators.Gateway;
using RetailFunctions.Simulators.Idempotency;
using RetailFunctions.Simulators.RateLimits;

namespace RetailFunctions.Simulators.Control;

/// <summary>The <c>/_sim</c> API tests and operators use: reset, faults, rate limits and counters.</summary>
public static class ControlEndpoints
{
    public static RouteGroupBuilder MapControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/_sim");
        control.MapPost("/reset", (SimulatorReset reset) =>
        {
            reset.Reset(null);
            return Results.NoContent();
        });
        control.MapPost("/{system}/reset", (string system, SimulatorReset reset) =>
            reset.Reset(system) ? Results.NoContent() : UnknownSystem(system));

        control.MapGet("/counters", (OperationCounters counters) =>
            Results.Ok(counters.Systems().ToDictionary(s => s, counters.For)));
        control.MapGet("/{system}/counters", (string system, OperationCounters counters) => Results.Ok(counters.For(system)));

        control.MapGet("/faults", (FaultRegistry faults) => Results.Ok(faults.List()));
        control.MapPost("/faults/{system}", (string system, FaultSpec spec, FaultRegistry faults, SimulatorReset systems) =>
        {
            if (!systems.IsKnown(system))
            {
                return UnknownSystem(system);
            }

            return spec.Validate() is { } problem
                ? Results.Problem(statusCode: 400, title: problem)
                : Results.Created($"/_sim/faults/{system}", faults.Add(system, spec));
        });
        control.MapDelete("/faults", (FaultRegistry faults) =>
        {
            faults.Clear();
            return Results.NoContent();
        });
        control.MapDelete("/faults/{system}", (string system, FaultRegistry faults) =>
        {
            faults.Clear(system);
            return Results.NoContent();
        });

        control.MapGet("/ratelimits", (RateLimitRegistry limits) => Results.Ok(limits.List()));
        control.MapPut("/ratelimits/{system}/{operation}", (string system, string operation, TokenBucketSettings settings, RateLimitRegistry limits) =>
        {
            if (settings.Validate() is { } problem)
            {
                return Results.Problem(statusCode: 400, title: problem);
            }

            limits.Set(system, operation, settings);
            return Results.NoContent();
        });
        control.MapDelete("/ratelimits/{system}/{operation}", (string system, string operation, RateLimitRegistry limits) =>
        {
            limits.Remove(system, operation);
            return Results.NoContent();
        });
        return control;
    }

    private static IResult UnknownSystem(string system) => Results.Problem(statusCode: 404, title: $"No simulated system '{system}'.");
}
