using RetailFunctions.Simulators.Channels;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Pos;

/// <summary>The store POS estate: one price list per store.</summary>
public sealed class PosState(TimeProvider time) : ISimulatedSystem
{
    public string System => "pos";

    public ChannelCatalog Catalog { get; } = new(time);

    public void Reset() => Catalog.Reset();
}
