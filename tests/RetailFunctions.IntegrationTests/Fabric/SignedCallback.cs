using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>Requests signed with <c>X-Retail-Signature</c> (POS, shipment callbacks), as those systems send them.</summary>
internal static class SignedCallback
{
    public static HttpRequestMessage Request(string path, JsonNode body, string secret) => Request(path, Encoding.UTF8.GetBytes(body.ToJsonString()), secret);

    public static HttpRequestMessage Request(string path, byte[] body, string secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");
        request.Headers.Add(RetailSignature.HeaderName, RetailSignature.Create(body, secret, DateTimeOffset.UtcNow));
        return request;
    }
}
