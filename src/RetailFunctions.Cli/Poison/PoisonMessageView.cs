using System.Text;
using Azure.Storage.Queues.Models;

namespace RetailFunctions.Cli.Poison;

/// <summary>
/// A poison message for reading: the body decoded when the host stored it base64-encoded (as the Functions queue
/// extension does), as stored otherwise; <see cref="Encoding"/> says which.
/// </summary>
internal sealed record PoisonMessageView(string Queue, string MessageId, DateTimeOffset? InsertedOn, long DequeueCount, string Encoding, string Body)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PoisonMessageView From(string queue, string messageId, DateTimeOffset? insertedOn, long dequeueCount, string stored)
    {
        var (encoding, body) = Decode(stored);
        return new PoisonMessageView(queue, messageId, insertedOn, dequeueCount, encoding, body);
    }

    public static PoisonMessageView From(string queue, QueueMessage message) =>
        From(queue, message.MessageId, message.InsertedOn, message.DequeueCount, message.MessageText);

    public static PoisonMessageView From(string queue, PeekedMessage message) =>
        From(queue, message.MessageId, message.InsertedOn, message.DequeueCount, message.MessageText);

    private static (string Encoding, string Body) Decode(string stored)
    {
        var buffer = new byte[stored.Length];
        if (stored.Length > 0 && Convert.TryFromBase64String(stored, buffer, out var written))
        {
            try
            {
                return ("base64", StrictUtf8.GetString(buffer, 0, written));
            }
            catch (DecoderFallbackException)
            {
                // Binary content: show it as stored.
            }
        }

        return ("text", stored);
    }
}
