using System.Net.Http.Json;
using System.Text.Json;

namespace RetailFunctions.IntegrationTests.Fabric;

/// <summary>What the simulated ERP, WMS and channels received, read through their control API.</summary>
internal sealed class SimulatorInbox(HttpClient simulators)
{
    public async Task<List<JsonElement>> ErpOrdersForAsync(string orderKey) =>
        (await ListAsync("_sim/erp/orders")).Where(o => o.GetProperty("order").GetProperty("orderKey").GetString() == orderKey).ToList();

    public async Task<List<JsonElement>> ErpInvoicesForAsync(string orderKey) =>
        (await ListAsync("_sim/erp/invoices")).Where(i => i.ToString().Contains($"\"{orderKey}\"", StringComparison.Ordinal)).ToList();

    public async Task<List<JsonElement>> ErpCreditMemosForAsync(string returnKey) =>
        (await ListAsync("_sim/erp/credit-memos")).Where(c => c.GetProperty("creditMemo").GetProperty("returnKey").GetString() == returnKey).ToList();

    public async Task<List<JsonElement>> ReceivedAsync(string channel, string inbox, string channelOrderId) =>
        (await ListAsync($"_sim/{channel}/{inbox}")).Where(i => i.ToString().Contains(channelOrderId, StringComparison.Ordinal)).ToList();

    public async Task<List<JsonElement>> WmsRequestsForAsync(string channelOrderId) =>
        (await ListAsync("_sim/wms/requests")).Where(r => r.ToString().Contains(channelOrderId, StringComparison.Ordinal)).ToList();

    public async Task<List<JsonElement>> WmsShipmentsForAsync(string channelOrderId) =>
        (await ListAsync("_sim/wms/shipments")).Where(s => s.ToString().Contains(channelOrderId, StringComparison.Ordinal)).ToList();

    private async Task<List<JsonElement>> ListAsync(string path) =>
        (await simulators.GetFromJsonAsync<List<JsonElement>>(path)) ?? [];
}
