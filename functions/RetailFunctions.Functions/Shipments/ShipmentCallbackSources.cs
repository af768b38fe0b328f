using Microsoft.Extensions.Options;
using RetailFunctions.Core.Shipments;
using RetailFunctions.Core.Webhooks;

namespace RetailFunctions.Functions.Shipments;

/// <summary>The callback sources that have both a secret configured and a mapper for their payload shape.</summary>
public sealed class ShipmentCallbackSources(IOptions<ShipmentsOptions> options, IEnumerable<IShipmentMapper> mappers, TimeProvider time)
{
    private readonly Dictionary<string, ShipmentCallbackChannel> _channels = mappers
        .Where(m => options.Value.Sources.TryGetValue(m.Source, out var source) && source.ActiveSecrets().Count > 0)
        .ToDictionary(m => m.Source, m => new ShipmentCallbackChannel(m, options.Value.Sources[m.Source], time), StringComparer.OrdinalIgnoreCase);

    public ShipmentCallbackChannel? Find(string source) => _channels.GetValueOrDefault(source);
}
