using System.Globalization;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.BackOffice;
using RetailFunctions.Simulators.Gateway;

namespace RetailFunctions.Simulators.Wms;

public sealed class WmsState(IOptions<WmsOptions> options, TimeProvider time) : ISimulatedSystem
{
    private readonly Lock _gate = new();
    private readonly List<FulfilmentRecord> _requests = [];

    // A real WMS never reuses a shipment id; a fresh simulator must not either, or the fabric's dedupe (rightly) drops
    // the callbacks of every run after the first against the same storage.
    private readonly string _run = Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
    private WmsSettings _settings = Initial(options.Value);

    public string System => "wms";

    public WmsSettings Settings
    {
        get
        {
            lock (_gate)
            {
                return _settings;
            }
        }

        set
        {
            lock (_gate)
            {
                _settings = value;
            }
        }
    }

    public FulfilmentRecord Accept(FulfilmentRequest request, string idempotencyKey)
    {
        lock (_gate)
        {
            var record = new FulfilmentRecord(
                $"FR-{(_requests.Count + 1).ToString("D6", CultureInfo.InvariantCulture)}", idempotencyKey, time.GetUtcNow(), request, []);
            _requests.Add(record);
            return record;
        }
    }

    public FulfilmentRecord? Get(string requestId)
    {
        lock (_gate)
        {
            return _requests.Find(r => r.RequestId == requestId);
        }
    }

    public IReadOnlyList<FulfilmentRecord> Requests()
    {
        lock (_gate)
        {
            return _requests.ToArray();
        }
    }

    /// <summary>Adds a shipment of <paramref name="lines"/>, or returns null when they exceed what is left to ship.</summary>
    public ShipmentDelivery? AddShipment(string requestId, IReadOnlyList<FulfilmentLine> lines, string carrier, string? trackingNumber, TimeSpan delay)
    {
        lock (_gate)
        {
            var index = _requests.FindIndex(r => r.RequestId == requestId);
            if (index < 0)
            {
                return null;
            }

            var record = _requests[index];
            var unshipped = record.Unshipped().ToDictionary(l => l.Sku, l => l.Quantity, StringComparer.Ordinal);
            if (lines.Count == 0 || lines.Any(l => l.Quantity <= 0 || unshipped.GetValueOrDefault(l.Sku) < l.Quantity))
            {
                return null;
            }

            var now = time.GetUtcNow();
            var callback = new WmsShipmentCallback(
                $"SHP-{_run}-{record.RequestId[3..]}-{record.Shipments.Count + 1}",
                new WmsOrderRef(record.Request.Channel, record.Request.ChannelOrderId),
                carrier,
                trackingNumber ?? $"1Z{Convert.ToHexString(Guid.NewGuid().ToByteArray(), 0, 8)}",
                now + delay,
                lines);
            var delivery = new ShipmentDelivery(callback, DeliveryStatus.Scheduled, 0, null, now + delay, null);
            _requests[index] = record with { Shipments = [.. record.Shipments, delivery] };
            return delivery;
        }
    }

    public void RecordAttempt(string shipmentId, DeliveryStatus status, int? statusCode)
    {
        lock (_gate)
        {
            var index = _requests.FindIndex(r => r.Shipments.Any(s => s.Callback.ShipmentId == shipmentId));
            if (index < 0)
            {
                return;
            }

            var record = _requests[index];
            var shipments = record.Shipments
                .Select(s => s.Callback.ShipmentId != shipmentId
                    ? s
                    : s with
                    {
                        Status = status,
                        Attempts = s.Attempts + 1,
                        LastStatusCode = statusCode,
                        DeliveredAt = status == DeliveryStatus.Delivered ? time.GetUtcNow() : null,
                    })
                .ToArray();
            _requests[index] = record with { Shipments = shipments };
        }
    }

    public void Reset()
    {
        lock (_gate)
        {
            _requests.Clear();
            _settings = Initial(options.Value);
        }
    }

    private static WmsSettings Initial(WmsOptions options) =>
        new(options.AutoShip, (int)options.ShipDelay.TotalMilliseconds, options.SplitShipments);
}
