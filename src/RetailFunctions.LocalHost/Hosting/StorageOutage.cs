namespace RetailFunctions.LocalHost.Hosting;

/// <summary>
/// Tells a storage account that cannot be reached (Azurite stopped or restarting) from a bug. The Azure SDK reports
/// the first as <see cref="Azure.RequestFailedException"/>, as the transport's exception, or, once its retries are
/// spent, as an <see cref="AggregateException"/> of those; a listener rides such outages out instead of stopping.
/// </summary>
internal static class StorageOutage
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        Azure.RequestFailedException or HttpRequestException or IOException or TimeoutException or TaskCanceledException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        _ => false,
    };
}
