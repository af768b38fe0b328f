using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RetailFunctions.IntegrationTests.Fabric;
using RetailFunctions.IntegrationTests.Hosting;

namespace RetailFunctions.IntegrationTests.Abuse;

/// <summary>
/// The abuse matrix (issue 9): every signed endpoint × every way a delivery can be wrong, through the local fabric host.
/// Only a valid delivery and one signed with the previous (rotating) secret are accepted; every other case gets its
/// status code and leaves no receipt, no archived body and no effect behind the queue.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SignedEndpointAbuseTests(AzuriteFixture azurite, AbuseFabric fabric) : IClassFixture<AbuseFabric>
{
    // Queues are polled every 100 ms here, so a message that should not exist would have been handled by then.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(750);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private const int BodyLimit = 1024 * 1024;

    private readonly FabricStorage _storage = new(azurite);

    public static TheoryData<string, AbuseCase> Matrix()
    {
        var matrix = new TheoryData<string, AbuseCase>();
        foreach (var endpoint in SignedEndpoints.All)
        {
            foreach (var abuse in Enum.GetValues<AbuseCase>().Where(a => a.AppliesTo(endpoint)))
            {
                matrix.Add(endpoint.Name, abuse);
            }
        }

        return matrix;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Post_delivery_isAnsweredAndHasEffectsOnlyWhenAccepted(string endpointName, AbuseCase abuse)
    {
        var endpoint = SignedEndpoints.Named(endpointName);
        var host = await fabric.StartOnceAsync(azurite);
        var delivery = await endpoint.NewDeliveryAsync(host);
        var receiptsBefore = await _storage.CountReceiptsAsync(delivery.ReceiptPartition);
        var archivedBefore = await CountArchivedAsync(delivery);

        using var response = await host.Client.SendAsync(Request(endpoint, delivery, abuse));

        var answer = await response.Content.ReadAsStringAsync();
        Assert.True(abuse.ExpectedStatus() == response.StatusCode, $"{endpointName} {abuse}: expected {(int)abuse.ExpectedStatus()}, got {(int)response.StatusCode} {answer}");
        var written = abuse.IsAccepted() ? 1 : 0;
        Assert.Equal(receiptsBefore + written, await _storage.CountReceiptsAsync(delivery.ReceiptPartition));
        Assert.Equal(archivedBefore + (delivery.ArchiveFolder is null ? 0 : written), await CountArchivedAsync(delivery));
        if (abuse.IsAccepted())
        {
            await Eventually.GetAsync(() => delivery.HasDownstreamEffect(host.Client), Patience, $"the effect of the {endpointName} delivery");
            return;
        }

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await Task.Delay(Settle);
        Assert.False(await delivery.HasDownstreamEffect(host.Client), $"{endpointName} {abuse} was rejected but changed state downstream.");
    }

    private Task<int> CountArchivedAsync(AbuseDelivery delivery) =>
        delivery.ArchiveFolder is null ? Task.FromResult(0) : _storage.CountRawWebhooksAsync(delivery.ArchiveFolder);

    private static HttpRequestMessage Request(SignedEndpoint endpoint, AbuseDelivery delivery, AbuseCase abuse)
    {
        var signed = delivery.Body;
        var secret = endpoint.Secret;
        var signedAt = DateTimeOffset.UtcNow;
        var contentType = "application/json";
        switch (abuse)
        {
            case AbuseCase.SignedWithPreviousSecret:
                secret = endpoint.PreviousSecret;
                break;
            case AbuseCase.WrongSecret:
                secret = "not-the-" + endpoint.Secret;
                break;
            case AbuseCase.TimestampOutsideTolerance:
                signedAt -= TimeSpan.FromMinutes(10);
                break;
            case AbuseCase.TimestampInTheFuture:
                signedAt += TimeSpan.FromMinutes(10);
                break;
            case AbuseCase.BodyOverLimit or AbuseCase.BodyOverLimitStreamed:
                signed = PaddedPast(signed, BodyLimit);
                break;
            case AbuseCase.JsonNested1000Deep:
                signed = Nested(1000);
                break;
            case AbuseCase.WrongContentType:
                contentType = "text/plain";
                break;
        }

        var sent = abuse switch
        {
            AbuseCase.BodyByteFlipped => OneDigitChanged(signed),
            AbuseCase.JsonReserialised => Reserialised(signed),
            _ => signed,
        };
        var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Path.TrimStart('/'))
        {
            Content = abuse == AbuseCase.BodyOverLimitStreamed ? new UnknownLengthContent(sent) : new ByteArrayContent(sent),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        foreach (var (name, value) in delivery.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (abuse != AbuseCase.MissingSignature)
        {
            endpoint.Sign(request, signed, secret, signedAt);
        }

        return request;
    }

    /// <summary>Still valid JSON with the same shape, one byte different: only the signature can tell.</summary>
    private static byte[] OneDigitChanged(byte[] body)
    {
        var copy = (byte[])body.Clone();
        var index = Array.FindIndex(copy, b => b is >= (byte)'0' and <= (byte)'9');
        copy[index] = copy[index] == (byte)'9' ? (byte)'8' : (byte)(copy[index] + 1);
        return copy;
    }

    /// <summary>The same JSON document written differently, as a proxy that parses and re-serialises would.</summary>
    private static byte[] Reserialised(byte[] body)
    {
        var rewritten = Encoding.UTF8.GetBytes(JsonNode.Parse(body)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        Assert.False(rewritten.AsSpan().SequenceEqual(body), "re-serialising must change the bytes");
        return rewritten;
    }

    /// <summary>The body followed by JSON whitespace until it is one byte over the limit: valid JSON, too large.</summary>
    private static byte[] PaddedPast(byte[] body, int limit)
    {
        var padded = new byte[limit + 1];
        Array.Fill(padded, (byte)' ');
        body.CopyTo(padded, 0);
        return padded;
    }

    private static byte[] Nested(int depth)
    {
        var json = new StringBuilder(depth * 6);
        json.Insert(0, "{\"n\":", depth - 1).Append("{}").Append('}', depth - 1);
        return Encoding.UTF8.GetBytes(json.ToString());
    }

    /// <summary>Sent chunked, without Content-Length, so the limit must hold while the body is being read.</summary>
    private sealed class UnknownLengthContent(byte[] body) : HttpContent
    {
        protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
