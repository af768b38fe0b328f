using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RetailFunctions.Core.Events;
using RetailFunctions.Infrastructure.Identity;

namespace RetailFunctions.Infrastructure.Events;

public static class RetailEventsExtensions
{
    public const string ServiceBusSection = "ServiceBus";

    /// <summary>
    /// <see cref="IRetailEvents"/> as the Table outbox, the relay, and the publisher chosen by <c>Events:Sink</c>:
    /// Service Bus (<c>ServiceBus:fullyQualifiedNamespace</c> with a managed identity, or <c>ServiceBus:ConnectionString</c>)
    /// or the local queue. Needs <c>AddRetailStorage()</c>.
    /// </summary>
    public static IHostApplicationBuilder AddRetailEvents(this IHostApplicationBuilder builder)
    {
        var serviceBus = builder.Configuration.GetSection(ServiceBusSection);
        var hasServiceBus = !string.IsNullOrWhiteSpace(serviceBus["fullyQualifiedNamespace"]) || !string.IsNullOrWhiteSpace(serviceBus["ConnectionString"]);
        builder.Services.AddOptions<RetailEventsOptions>()
            .BindConfiguration(RetailEventsOptions.SectionName)
            .PostConfigure(o => o.Sink ??= hasServiceBus ? RetailEventSink.ServiceBus : RetailEventSink.Queue)
            .Validate(o => o.Sink != RetailEventSink.ServiceBus || hasServiceBus, "Events:Sink is ServiceBus but neither ServiceBus:fullyQualifiedNamespace nor ServiceBus:ConnectionString is set.")
            .Validate(o => o.BatchSize > 0 && o.LeaseDuration > TimeSpan.Zero && o.SweepInterval > TimeSpan.Zero && !string.IsNullOrWhiteSpace(o.Topic), "Events:BatchSize, Events:LeaseDuration, Events:SweepInterval and Events:Topic must be set and positive.")
            .ValidateOnStart();

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<OutboxTransactions>();
        builder.Services.AddSingleton<TableOutbox>();
        builder.Services.AddSingleton<IRetailEvents>(sp => sp.GetRequiredService<TableOutbox>());
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddSingleton(sp => CreateServiceBusClient(sp.GetRequiredService<IConfiguration>().GetSection(ServiceBusSection)));
        builder.Services.AddSingleton<IRetailEventPublisher>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<RetailEventsOptions>>().Value;
            return options.Sink == RetailEventSink.ServiceBus
                ? new ServiceBusRetailEventPublisher(sp.GetRequiredService<ServiceBusClient>().CreateSender(options.Topic))
                : ActivatorUtilities.CreateInstance<QueueRetailEventPublisher>(sp);
        });
        return builder;
    }

    private static ServiceBusClient CreateServiceBusClient(IConfigurationSection section)
    {
        var connectionString = section["ConnectionString"];
        return string.IsNullOrWhiteSpace(connectionString)
            ? new ServiceBusClient(section["fullyQualifiedNamespace"], AzureCredentials.For(section))
            : new ServiceBusClient(connectionString);
    }
}
