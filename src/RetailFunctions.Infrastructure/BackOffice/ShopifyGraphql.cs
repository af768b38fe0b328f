using System.Text.Json.Nodes;
using RetailFunctions.Core.BackOffice;

namespace RetailFunctions.Infrastructure.BackOffice;

/// <summary>Shopify Admin GraphQL outcomes: 200 whatever happened, with the outcome in <c>errors</c> and <c>userErrors</c>.</summary>
internal static class ShopifyGraphql
{
    /// <summary>THROTTLED becomes unavailable (retry later); other request errors and user errors are rejections.</summary>
    public static void ThrowOnErrors(JsonObject body, string system, string mutation)
    {
        if (body["errors"] is JsonArray { Count: > 0 } errors)
        {
            var first = errors[0];
            var message = first?["message"]?.GetValue<string>();
            if (first?["extensions"]?["code"]?.GetValue<string>() == "THROTTLED")
            {
                throw new BackOfficeUnavailableException(system, mutation, 200, message);
            }

            throw new BackOfficeRejectedException(system, mutation, 200, message);
        }

        var payload = body["data"]?[mutation] as JsonObject;
        var userErrors = (payload?["userErrors"] as JsonArray ?? []).Concat(payload?["orderCancelUserErrors"] as JsonArray ?? []).ToArray();
        if (payload is null || userErrors.Length > 0)
        {
            throw new BackOfficeRejectedException(system, mutation, 200, userErrors.FirstOrDefault()?["message"]?.GetValue<string>() ?? "no payload in the response");
        }
    }
}
