using System.CommandLine;
using System.Net;
using RetailFunctions.Cli.Output;

namespace RetailFunctions.Cli.Orders;

/// <summary>
/// <c>retail orders retry &lt;channel&gt; &lt;channelOrderId&gt; [--operator] [--base-url]</c>: restarts a <c>Failed</c> order
/// once its cause is fixed, through <c>POST /api/orders/{channel}/{id}/retry</c> of a running fabric host, which checks
/// the order is Failed and audits the retry under the operator's name.
/// </summary>
internal static class OrdersRetryCommand
{
    public static Command Create()
    {
        var channel = new Argument<string>("channel") { Description = "shopify, amazon, walmart or pos." };
        var orderId = new Argument<string>("channelOrderId") { Description = "The order id on the channel." };
        var operatorName = CommonOptions.Operator();
        var baseUrl = OrdersShowCommand.BaseUrlOption();
        var command = new Command("retry", "Retry a Failed order (audited).") { channel, orderId, operatorName, baseUrl };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(baseUrl),
            parse.GetRequiredValue(channel).ToLowerInvariant(),
            parse.GetRequiredValue(orderId),
            parse.GetRequiredValue(operatorName),
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        Uri baseUrl, string channel, string orderId, string operatorName, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"api/orders/{Uri.EscapeDataString(channel)}/{Uri.EscapeDataString(orderId)}/retry");
        request.Headers.Add("X-Retail-Operator", operatorName);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            switch (response.StatusCode)
            {
                case HttpStatusCode.Accepted:
                    await output.WriteLineAsync($"retrying {channel} order {orderId}");
                    return ExitCodes.Ok;
                case HttpStatusCode.NotFound:
                    await error.WriteLineAsync($"not found: no {channel} order {orderId}");
                    return ExitCodes.NotFound;
                case HttpStatusCode.Conflict:
                    await error.WriteLineAsync($"not retried: {body}");
                    return ExitCodes.Usage;
                default:
                    await error.WriteLineAsync($"the fabric host answered {(int)response.StatusCode}: {body}");
                    return ExitCodes.Unavailable;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync($"cannot reach the fabric host at {baseUrl}: {ex.Message}");
            return ExitCodes.Unavailable;
        }
    }
}
