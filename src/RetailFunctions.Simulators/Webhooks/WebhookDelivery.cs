namespace RetailFunctions.Simulators.Webhooks;

/// <summary>One order webhook the simulated channel sent, or "lost" on purpose; <see cref="Status"/> is the fabric's answer.</summary>
public sealed record WebhookDelivery(string Channel, string OrderId, string Topic, bool Lost, int? Status, DateTimeOffset At);

/// <summary><c>PUT /_sim/webhooks/{channel}</c>: the share of webhooks to lose, from 0 (none) to 1 (all).</summary>
public sealed record WebhookLossSettings(double LossShare);
