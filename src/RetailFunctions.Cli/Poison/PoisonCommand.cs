using System.CommandLine;

namespace RetailFunctions.Cli.Poison;

/// <summary><c>retail poison …</c>: messages that failed <c>maxDequeueCount</c> times, and putting them back.</summary>
internal static class PoisonCommand
{
    public static Command Create() => new("poison", "Poison queues: list, show, replay and purge failed messages.")
    {
        PoisonListCommand.Create(),
        PoisonShowCommand.Create(),
        PoisonReplayCommand.Create(),
        PoisonPurgeCommand.Create(),
    };
}
