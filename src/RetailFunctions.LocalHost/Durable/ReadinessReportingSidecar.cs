using DurableTask.Core;
using Grpc.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Options;
using RetailFunctions.LocalHost.Hosting;
using P = Microsoft.DurableTask.Protobuf;

namespace RetailFunctions.LocalHost.Durable;

/// <summary>
/// The Durable Task sidecar, reporting the host ready once the worker has opened its work-item stream: from then on
/// the sidecar accepts calls (the worker reached it over the same channel as the durable clients) and orchestrations
/// started by functions run.
/// </summary>
internal sealed partial class ReadinessReportingSidecar(
    IHostApplicationLifetime lifetime,
    ILoggerFactory loggerFactory,
    IOrchestrationService service,
    IOrchestrationServiceClient client,
    IOptions<TaskHubGrpcServerOptions> options,
    FabricReadiness readiness,
    ILogger<ReadinessReportingSidecar> logger) : TaskHubGrpcServer(lifetime, loggerFactory, service, client, options)
{
    public override Task GetWorkItems(P.GetWorkItemsRequest request, IServerStreamWriter<P.WorkItem> responseStream, ServerCallContext context)
    {
        // The base registers the worker's stream before its first await and then holds the call open until the worker
        // goes away; a call still running after it returns has therefore connected the worker (a refused one has ended).
        var connection = base.GetWorkItems(request, responseStream, context);
        if (!connection.IsCompleted && readiness.MarkReady())
        {
            LogWorkerConnected();
        }

        return connection;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The Durable worker is connected to the sidecar: triggers and HTTP functions are live")]
    private partial void LogWorkerConnected();
}
