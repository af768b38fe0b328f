namespace RetailFunctions.Core.Webhooks;

/// <summary>A claim on one channel event id; <see cref="Version"/> is the store's concurrency token.</summary>
public sealed record WebhookReceipt(string Channel, string EventId, string Topic, string BlobPath, DateTimeOffset ReceivedAt, string Version);
