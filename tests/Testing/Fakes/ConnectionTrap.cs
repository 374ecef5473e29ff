using System.Net;
using System.Net.Sockets;

namespace InvoiceFirst.Testing.Fakes;

/// <summary>
/// A loopback address nobody should ever call: it counts TCP connections, so any request of any
/// method, path or protocol the bot might be tricked into making shows up here.
/// </summary>
public sealed class ConnectionTrap : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _connections;

    public ConnectionTrap()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    public int Connections => Volatile.Read(ref _connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _connections);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // stopped
        }
    }

    public void Dispose() => _listener.Stop();
}
