namespace RetailFunctions.Core.Webhooks;

/// <summary>A webhook body or header that cannot be accepted; <see cref="Field"/> names the culprit.</summary>
public sealed class WebhookPayloadException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;
}
