namespace RetailFunctions.IntegrationTests.Abuse;

/// <summary>
/// One signed endpoint of the abuse matrix: its route, its current and previous (rotating) secret with the setting
/// that configures the previous one, what its scheme signs, how to make a fresh valid delivery and how to sign it.
/// </summary>
/// <param name="Sign">Adds the scheme's headers for <c>signedBody</c>, signed with <c>secret</c> at <c>at</c>.</param>
internal sealed record SignedEndpoint(
    string Name,
    string Path,
    string Secret,
    string PreviousSecret,
    string PreviousSecretSetting,
    bool SignsBody,
    bool SignsTimestamp,
    Func<Fabric.FabricHost, Task<AbuseDelivery>> NewDeliveryAsync,
    Action<HttpRequestMessage, byte[], string, DateTimeOffset> Sign)
{
    public override string ToString() => Name;
}
