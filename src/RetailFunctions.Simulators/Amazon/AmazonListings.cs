using System.Text.Json.Nodes;
using RetailFunctions.Simulators.Channels;

namespace RetailFunctions.Simulators.Amazon;

public static class AmazonListings
{
    /// <summary>The quantity in a <c>/attributes/fulfillment_availability</c> patch, as the Listings API and feed carry it.</summary>
    public static int? Quantity(JsonNode? patches) =>
        Json.Array(patches)
            .Where(p => Json.String(p?["path"]) == "/attributes/fulfillment_availability")
            .SelectMany(p => Json.Array(p!["value"]))
            .Select(v => Json.Int(v?["quantity"]))
            .FirstOrDefault(q => q is not null);
}
