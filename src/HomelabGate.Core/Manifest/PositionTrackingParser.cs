using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomelabGate.Core.Manifest;

/// <summary>Remembers where the last successfully parsed event ended, so an exception without a position can still be
/// reported near the place the parser gave up.</summary>
internal sealed class PositionTrackingParser(IParser inner) : IParser
{
    public ParsingEvent? Current => inner.Current;

    public int LastLine { get; private set; } = 1;

    public int LastColumn { get; private set; } = 1;

    public bool MoveNext()
    {
        var moved = inner.MoveNext();
        if (inner.Current is { } current)
        {
            LastLine = (int)current.End.Line;
            LastColumn = (int)current.End.Column;
        }
        return moved;
    }
}
