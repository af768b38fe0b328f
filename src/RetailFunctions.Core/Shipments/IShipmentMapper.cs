namespace RetailFunctions.Core.Shipments;

/// <summary>One callback source's payload shape mapped to a <see cref="ShipmentNotice"/>.</summary>
public interface IShipmentMapper
{
    /// <summary>The source's name in the route and in <c>Shipments:Sources:{source}:Secret</c>.</summary>
    string Source { get; }

    /// <exception cref="Orders.OrderMappingException">The payload cannot be mapped; names the field.</exception>
    ShipmentNotice Map(ReadOnlySpan<byte> body);
}
