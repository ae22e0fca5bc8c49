using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Desired;

internal static class TcpStreamBuilder
{
    public static ValueList<TcpStream> Build(Dictionary<string, StreamSpec> streams) =>
        new(streams.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => new TcpStream(s.Key, s.Value.Listen.Trim(), s.Value.To.Trim(), s.Value.Certificate)));
}
