namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>The two listeners of one daemon: the proxy (listen.http) and the admin API.</summary>
public sealed record GatePorts(int Proxy, int Admin)
{
    public static GatePorts Free()
    {
        var proxy = FreePorts.Next();
        int admin;
        do
        {
            admin = FreePorts.Next();
        }
        while (admin == proxy);
        return new GatePorts(proxy, admin);
    }

    public string ProxyAddress => $"127.0.0.1:{Proxy}";

    public string AdminAddress => $"127.0.0.1:{Admin}";
}
