using System.Net;
using System.Net.Sockets;

namespace OrleansSweep.Grains.Hosting;

/// <summary>A TCP port on loopback that nobody listens on right now (the operating system picks it).</summary>
internal static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
