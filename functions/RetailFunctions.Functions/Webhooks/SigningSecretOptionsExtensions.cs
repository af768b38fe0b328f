using Microsoft.Extensions.Options;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Webhooks;

/// <summary>The one way a signed endpoint's options are checked at start: the current secret must be set.</summary>
public static class SigningSecretOptionsExtensions
{
    /// <param name="key">The contract key of the current secret, e.g. <c>Catalog:ChangesSecret</c>.</param>
    public static OptionsBuilder<TOptions> RequireSigningSecret<TOptions>(this OptionsBuilder<TOptions> builder, string key)
        where TOptions : class, ISigningSecrets
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Validate(o => !string.IsNullOrWhiteSpace(o.CurrentSecret), $"{key} is required (the previous secret alone is not enough).");
    }
}
