using System.CommandLine;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Caching.Memory;
using RetailFunctions.Cli.Audit;
using RetailFunctions.Cli.Output;
using RetailFunctions.Core.Audit;
using RetailFunctions.Infrastructure.Orders;

namespace RetailFunctions.Cli.Mappings;

/// <summary>
/// <c>retail mapping set-sku &lt;channel|*&gt; &lt;sku&gt; &lt;itemCode&gt; [--operator]</c>: maps a channel SKU to the ERP
/// item (<c>*</c> = the same SKU on every channel) and records the change with the item code before and after.
/// The fabric sees it within a minute (its lookups are cached that long).
/// </summary>
internal static class MappingCommand
{
    private static readonly string[] Channels = [TableSkuMappings.AnyChannel, "shopify", "amazon", "walmart", "pos"];

    public static Command Create()
    {
        var channel = new Argument<string>("channel") { Description = "shopify, amazon, walmart, pos, or * for every channel." };
        channel.Validators.Add(r =>
        {
            if (!Channels.Contains(r.GetValueOrDefault<string>()))
            {
                r.AddError($"channel must be one of {string.Join(", ", Channels)}.");
            }
        });
        var sku = new Argument<string>("sku") { Description = "The SKU as the channel sends it." };
        var itemCode = new Argument<string>("itemCode") { Description = "The ERP item it stands for." };
        var connection = CommonOptions.Connection();
        var @operator = CommonOptions.Operator();
        var setSku = new Command("set-sku", "Map a channel SKU to an ERP item (recorded in the audit trail).") { channel, sku, itemCode, connection, @operator };
        setSku.Validators.Add(r =>
        {
            if (string.IsNullOrWhiteSpace(r.GetValue(sku)) || string.IsNullOrWhiteSpace(r.GetValue(itemCode)))
            {
                r.AddError("sku and itemCode must not be empty.");
            }
        });
        setSku.SetAction((parse, cancellationToken) => StorageCommand.RunAsync(parse.InvocationConfiguration.Error, async () =>
        {
            var (partition, channelSku, item) = (parse.GetRequiredValue(channel), parse.GetRequiredValue(sku).Trim(), parse.GetRequiredValue(itemCode).Trim());
            using var cache = new MemoryCache(new MemoryCacheOptions());
            var mappings = new TableSkuMappings(CliStorage.Clients(parse.GetRequiredValue(connection)), cache);
            var before = await mappings.SetAsync(partition, channelSku, item, cancellationToken);
            await CliAudit.RecordAsync(
                parse.GetRequiredValue(connection), parse.GetRequiredValue(@operator), AuditActions.SkuMappingSet, $"{partition}/{channelSku}",
                before is null ? null : Mapping(partition, channelSku, before),
                Mapping(partition, channelSku, item),
                cancellationToken);
            await parse.InvocationConfiguration.Output.WriteLineAsync($"{partition} {channelSku}: {before ?? "(unmapped)"} -> {item}");
            return ExitCodes.Ok;
        }));
        return new Command("mapping", "SKU mappings between the channels and the ERP.") { setSku };
    }

    private static JsonObject Mapping(string channel, string sku, string itemCode) =>
        new() { ["channel"] = channel, ["sku"] = sku, ["itemCode"] = itemCode };
}
