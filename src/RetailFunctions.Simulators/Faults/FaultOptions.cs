namespace RetailFunctions.Simulators.Faults;

public sealed class FaultOptions
{
    public const string SectionName = "Simulators:Faults";

    /// <summary>How long a timeout fault holds a request before answering 504, if the caller has not given up first.</summary>
    public TimeSpan TimeoutHold { get; set; } = TimeSpan.FromSeconds(100);
}
