namespace RetailFunctions.Core.Shipments;

/// <summary>One callback source's payload shape mapped to the canonical shipment.</summary>
public interface IShipmentMapper
{
    string Source { get; }

    /// <exception cref="Orders.OrderMappingException">The payload cannot be mapped; names the field.</exception>
    CanonicalShipment Map(ReadOnlySpan<byte> body);
}
