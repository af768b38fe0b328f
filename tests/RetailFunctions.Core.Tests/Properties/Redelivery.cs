using FsCheck;
using FsCheck.Fluent;

namespace RetailFunctions.Core.Tests.Properties;

/// <summary>
/// What channels and queues do to a stream of distinct messages: deliver some of them again and in any order.
/// </summary>
internal static class Redelivery
{
    /// <summary>The messages with up to as many again redelivered, all shuffled.</summary>
    public static Gen<T[]> Of<T>(IReadOnlyList<T> messages) =>
        from again in Gen.SubListOf(messages.ToArray())
        from delivered in Gen.Shuffle(messages.Concat(again).ToArray())
        select delivered;
}
