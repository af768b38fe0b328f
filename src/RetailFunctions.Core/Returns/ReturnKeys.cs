namespace RetailFunctions.Core.Returns;

/// <summary>
/// The one id a return is known by: the <c>ReturnRefund</c> instance id and the root of its idempotency keys (ERP credit
/// memo, stock, channel refund), so a redelivered return can never refund twice.
/// </summary>
public static class ReturnKeys
{
    public static string For(string channel, string returnId) => $"return-{channel.ToLowerInvariant()}-{returnId}";
}
