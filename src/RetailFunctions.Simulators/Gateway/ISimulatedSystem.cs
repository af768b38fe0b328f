namespace RetailFunctions.Simulators.Gateway;

/// <summary>In-memory state of one simulated system; the control API resets it between tests.</summary>
public interface ISimulatedSystem
{
    string System { get; }

    void Reset();
}
