namespace RetailFunctions.Core.Webhooks;

/// <summary>The secrets or keys a sender currently may sign with: the current one and, while rotating, the previous one.</summary>
public static class WebhookSecrets
{
    public static IReadOnlyList<string> Active(string? current, string? previous) =>
        new[] { current, previous }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();

    public static IReadOnlyList<string> ActiveSecrets(this ISigningSecrets secrets)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        return Active(secrets.CurrentSecret, secrets.PreviousSecret);
    }
}
