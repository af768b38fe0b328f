namespace RetailFunctions.Core.Channels.Pos;

/// <summary>Store transaction types (the body's <c>type</c>); the type is the envelope's topic.</summary>
public static class PosTopics
{
    public const string Sale = "sale";

    /// <summary>A store return, possibly of a web or marketplace order: starts the <c>ReturnRefund</c> process.</summary>
    public const string Return = "return";

    public static readonly IReadOnlySet<string> Supported = new HashSet<string>(StringComparer.Ordinal) { Sale, Return };

    public static bool IsOrderTopic(string topic) => topic == Sale;

    /// <summary>The event id and channel order id of a store transaction; transaction ids are unique per store.</summary>
    public static string TransactionKey(string storeId, string transactionId) => $"{storeId}-{transactionId}";
}
