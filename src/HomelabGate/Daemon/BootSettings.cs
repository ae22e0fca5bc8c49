using HomelabGate.Core.Desired;

namespace HomelabGate.Daemon;

/// <summary>The listeners (HTTP, HTTPS, admin, TCP streams) and state directory the daemon started with. Kestrel binds its sockets once, so changes to
/// these are reported ("restart to apply") rather than half-applied.</summary>
public sealed record BootSettings(string? HttpListen, string? HttpsListen, string AdminListen, string StateDir, string Streams)
{
    public static BootSettings From(GatewaySettings settings, string stateDir) =>
        new(settings.HttpListen, settings.HttpsListen, settings.AdminListen, stateDir, Describe(settings.Streams));

    private static string Describe(IEnumerable<TcpStream> streams) => string.Join("; ", streams.Select(s => $"{s.Name} {s.Listen}→{s.To}{(s.Certificate is null ? "" : $" tls:{s.Certificate}")}"));

    /// <returns>null when nothing that needs a restart changed.</returns>
    public string? Describe(GatewaySettings settings, string stateDir)
    {
        var changes = new List<string>();
        void Compare(string what, string? before, string? after)
        {
            if (before != after)
            {
                changes.Add($"{what}: {before ?? "off"} → {after ?? "off"}");
            }
        }
        Compare("listen.http", HttpListen, settings.HttpListen);
        Compare("listen.https", HttpsListen, settings.HttpsListen);
        Compare("admin", AdminListen, settings.AdminListen);
        Compare("stateDir", StateDir, stateDir);
        Compare("streams", Streams, Describe(settings.Streams));
        return changes.Count == 0 ? null : string.Join(", ", changes);
    }
}
