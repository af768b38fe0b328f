namespace RetailFunctions.Core.Webhooks;

/// <summary>The identity of a webhook delivery: the channel's own event id (the dedupe key) and its topic.</summary>
public sealed record ParsedWebhook(string EventId, string Topic);
