using System.Net;
using System.Net.Sockets;

namespace RetailFunctions.IntegrationTests.Hosting;

internal static class Ports
{
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
