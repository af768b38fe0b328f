namespace RetailFunctions.Cli;

/// <summary>Process exit codes every command keeps to; scripts and tests rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments or an input that cannot be opened; System.CommandLine uses 1 for parse errors too.</summary>
    public const int Usage = 1;

    /// <summary>The input was read but is malformed; stderr names the line.</summary>
    public const int MalformedInput = 2;
}
