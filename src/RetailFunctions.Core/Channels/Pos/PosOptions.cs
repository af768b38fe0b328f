using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Core.Channels.Pos;

public sealed class PosOptions : WebhookSecretOptions
{
    public const string SectionName = "Channels:Pos";
}
