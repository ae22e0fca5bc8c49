using HomelabGate.Core.Desired;

namespace HomelabGate.Proxy.Hosts;

/// <summary>The default-site policy in force; replaced as a whole on reload.</summary>
public sealed class DefaultSiteHolder
{
    private DefaultSite _current = DefaultSite.NotFound;

    public DefaultSite Current
    {
        get => Volatile.Read(ref _current);
        set => Volatile.Write(ref _current, value);
    }
}
