namespace RetailFunctions.Simulators.Channels;

public sealed record ChannelLine(string Sku, int Quantity);
