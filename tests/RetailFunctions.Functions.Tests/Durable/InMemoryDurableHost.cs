using System.Net;
using System.Net.Sockets;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Testing;

namespace RetailFunctions.Functions.Tests.Durable;

/// <summary>
/// Starts a <see cref="DurableTaskTestHost"/> on a port the operating system has just handed out. The host's own
/// default picks a random port in 30000–40000 without checking it, which collides with the ephemeral ports of the
/// other test projects' Azurite connections when the suites run side by side.
/// </summary>
internal static class InMemoryDurableHost
{
    private const int Attempts = 5;

    public static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(register, new DurableTaskTestHostOptions { Port = FreePort() });
            }
            catch (IOException e) when (attempt < Attempts && e.InnerException is SocketException or Microsoft.AspNetCore.Connections.AddressInUseException)
            {
                // Another process took the port between our probe and the host's bind: probe again.
            }
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
