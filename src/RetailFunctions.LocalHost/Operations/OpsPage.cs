using System.Reflection;

namespace RetailFunctions.LocalHost.Operations;

/// <summary>
/// <c>GET /ops</c>: the local operations page. It only draws what the app's <c>GET {prefix}/ops/summary</c> returns, and
/// refreshes itself; in Azure the Application Insights workbook has the same panels.
/// </summary>
internal static class OpsPage
{
    private const string ResourceName = "RetailFunctions.LocalHost.Operations.ops.html";
    private const string SummaryPlaceholder = "{{SUMMARY_URL}}";

    public static void Map(IEndpointRouteBuilder endpoints, string routePrefix)
    {
        var html = Load().Replace(SummaryPlaceholder, "/" + string.Join('/', new[] { routePrefix.Trim('/'), "ops/summary" }.Where(p => p.Length > 0)), StringComparison.Ordinal);
        endpoints.MapGet("/ops", () => Results.Content(html, "text/html; charset=utf-8")).WithDisplayName("Operations page");
    }

    private static string Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The operations page {ResourceName} is not embedded in the local host.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
