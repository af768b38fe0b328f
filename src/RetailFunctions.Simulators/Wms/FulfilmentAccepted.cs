namespace RetailFunctions.Simulators.Wms;

public sealed record FulfilmentAccepted(string RequestId, FulfilmentStatus Status);
