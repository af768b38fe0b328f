namespace RetailFunctions.Cli;

/// <summary>Process exit codes every command keeps to; scripts and tests rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>Bad arguments or an input that cannot be opened; System.CommandLine uses 1 for parse errors too.</summary>
    public const int Usage = 1;

    /// <summary>The input was read but is malformed; stderr names the line.</summary>
    public const int MalformedInput = 2;

    /// <summary>The queue, message or order asked for does not exist.</summary>
    public const int NotFound = 3;

    /// <summary>Storage or the fabric host could not be reached.</summary>
    public const int Unavailable = 4;
}
