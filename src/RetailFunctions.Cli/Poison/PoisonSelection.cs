using System.CommandLine;
using RetailFunctions.Cli.Output;

namespace RetailFunctions.Cli.Poison;

/// <summary>
/// What <c>replay</c> and <c>purge</c> act on and who acts: <c>&lt;queue&gt; (&lt;messageId&gt; | --all)</c> with
/// <c>--json</c>, <c>--connection</c> and <c>--operator</c>; exactly one of the id and <c>--all</c> must be given.
/// </summary>
internal sealed class PoisonSelection
{
    private PoisonSelection(string verb)
    {
        Queue = new Argument<string>("queue") { Description = "The queue, with or without the -poison suffix." };
        MessageId = new Argument<string?>("messageId") { Description = $"The one message to {verb}.", Arity = ArgumentArity.ZeroOrOne };
        All = new Option<bool>("--all") { Description = $"{char.ToUpperInvariant(verb[0])}{verb[1..]} every message in the poison queue." };
    }

    public Argument<string> Queue { get; }

    public Argument<string?> MessageId { get; }

    public Option<bool> All { get; }

    public Option<bool> Json { get; } = CommonOptions.Json();

    public Option<string> Connection { get; } = CommonOptions.Connection();

    public Option<string> Operator { get; } = CommonOptions.Operator();

    public static (Command Command, PoisonSelection Selection) Command(string verb, string description)
    {
        var selection = new PoisonSelection(verb);
        var command = new Command(verb, description)
        {
            selection.Queue, selection.MessageId, selection.All, selection.Json, selection.Connection, selection.Operator,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(selection.MessageId) is null == !result.GetValue(selection.All))
            {
                result.AddError("Give either a message id or --all.");
            }
        });
        return (command, selection);
    }
}
