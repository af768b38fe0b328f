using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using RetailFunctions.LocalHost.App;
using RetailFunctions.LocalHost.Hosting;
using RetailFunctions.LocalHost.Invocation;

namespace RetailFunctions.LocalHost.Http;

/// <summary>Maps every <c>httpTrigger</c> to a Kestrel endpoint under the host.json route prefix.</summary>
internal static class HttpFunctionEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints, IEnumerable<FunctionDescriptor> functions, string routePrefix)
    {
        foreach (var function in functions.Where(f => f.TriggerType == "httpTrigger"))
        {
            var trigger = function.Trigger;
            var route = (string?)trigger["route"] ?? function.Name;
            var methods = trigger["methods"]?.AsArray().Select(m => ((string)m!).ToUpperInvariant()).ToArray();
            var pattern = "/" + string.Join('/', new[] { routePrefix.Trim('/'), route.Trim('/') }.Where(p => p.Length > 0));
            var builder = methods is { Length: > 0 }
                ? endpoints.MapMethods(pattern, methods, context => InvokeAsync(context, function))
                : endpoints.Map(pattern, context => InvokeAsync(context, function));
            builder.WithDisplayName(function.Name);
        }
    }

    private static async Task InvokeAsync(HttpContext context, FunctionDescriptor function)
    {
        var readiness = context.RequestServices.GetRequiredService<FabricReadiness>();
        if (!readiness.IsReady)
        {
            // Health among them: callers wait for it, and it must not say healthy before orchestrations can start.
            context.Response.Headers.RetryAfter = "1";
            await Results.Problem(readiness.Status, statusCode: StatusCodes.Status503ServiceUnavailable, title: "The local fabric host is not ready").ExecuteAsync(context);
            return;
        }

        var invoker = context.RequestServices.GetRequiredService<FunctionInvoker>();
        var routeValues = context.Request.RouteValues.ToDictionary(v => v.Key, v => v.Value, StringComparer.OrdinalIgnoreCase);
        var query = context.Request.Query.ToDictionary(q => q.Key, q => (object?)q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in routeValues)
        {
            query[key] = value;
        }

        var result = await invoker.InvokeAsync(function, TriggerInput.Of(context.Request, query), context.RequestAborted);
        var httpOutput = function.OutputBindings.FirstOrDefault(b => (string?)b["type"] == "http");
        var response = httpOutput is null ? null : OutputBindingWriter.ValueOf(httpOutput, result);
        switch (response)
        {
            case IActionResult actionResult:
                await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                break;
            case IResult httpResult:
                await httpResult.ExecuteAsync(context);
                break;
            case null:
                context.Response.StatusCode = StatusCodes.Status204NoContent;
                break;
            default:
                await context.Response.WriteAsJsonAsync(response, response.GetType());
                break;
        }
    }
}
