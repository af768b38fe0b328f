namespace RetailFunctions.Core.Webhooks;

/// <summary>The secrets or keys a channel currently accepts: the current one and, while rotating, the previous one.</summary>
public static class WebhookSecrets
{
    public static IReadOnlyList<string> Active(string? current, string? previous) =>
        new[] { current, previous }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
}
