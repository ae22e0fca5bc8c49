using System.Text.Json.Nodes;
using HomelabGate.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HomelabGate.Core.Manifest;

/// <summary>Builds the JSON tree from YAML parser events, one event at a time and without recursion. Depth, size and
/// aliases are checked before a value is added or an alias expanded, so no input can overflow the stack, fill memory
/// or run for long: the first problem stops the build (<see cref="Problem"/>).</summary>
internal sealed class YamlTreeBuilder(SourceText source, SourceMap map)
{
    private readonly Stack<Frame> _open = new();
    private readonly Dictionary<string, Anchor> _anchors = new(StringComparer.Ordinal);
    private readonly List<Position> _positions = [];
    private int _documents;
    private int _values;

    public JsonNode? Root { get; private set; }

    public bool HasDocument => _documents > 0;

    public Diagnostic? Problem { get; private set; }

    /// <returns>False when the event showed a problem; the build stops there.</returns>
    public bool Accept(ParsingEvent parsed) => parsed switch
    {
        DocumentStart start => ++_documents == 1 || Fail(DiagnosticCodes.MultipleDocuments, "the manifest holds more than one YAML document",
            start.Start, "remove the '---' separator and merge the documents"),
        MappingStart mapping => Open(mapping, new JsonObject()),
        SequenceStart sequence => Open(sequence, new JsonArray()),
        MappingEnd or SequenceEnd => Close(),
        Scalar scalar => AddScalar(scalar),
        AnchorAlias alias => AddAlias(alias),
        _ => true,
    };

    private bool AtKey => _open.TryPeek(out var top) && top.Node is JsonObject && top.PendingKey is null;

    private bool Open(NodeEvent start, JsonNode container)
    {
        if (AtKey)
        {
            return ComplexKey(start.Start);
        }
        if (_open.Count + 1 > YamlReader.MaxDepth)
        {
            return TooDeep(start.Start);
        }
        var entry = _positions.Count;
        if (!Place(container, start.Start, 1, out var path))
        {
            return false;
        }
        _open.Push(new Frame(container, path, start.Anchor.IsEmpty ? null : start.Anchor.Value, entry, _values - 1));
        return true;
    }

    private bool Close()
    {
        var frame = _open.Pop();
        if (_open.TryPeek(out var parent))
        {
            parent.Height = Math.Max(parent.Height, frame.Height + 1);
        }
        if (frame.Anchor is { } name)
        {
            _anchors[name] = new Anchor(frame.Node, null, frame.Path, frame.FirstPosition, _positions.Count, _values - frame.ValuesBefore, frame.Height + 1);
        }
        return true;
    }

    private bool AddScalar(Scalar scalar)
    {
        var name = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
        if (AtKey)
        {
            if (name is not null)
            {
                _anchors[name] = new Anchor(JsonValue.Create(scalar.Value), scalar.Value, "", 0, 0, 1, 0);
            }
            return AddKey(scalar.Value, scalar.Start);
        }
        var value = YamlScalar.ToJson(scalar);
        if (name is not null)
        {
            _anchors[name] = new Anchor(value, scalar.Value, "", 0, 0, 1, 0);
        }
        return Place(value, scalar.Start, 1, out _);
    }

    private bool AddAlias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (!_anchors.TryGetValue(name, out var anchor))
        {
            return _open.Any(f => f.Anchor == name)
                ? Fail(DiagnosticCodes.InvalidAlias, $"alias *{name} refers to the value it is part of (a cycle)", alias.Start,
                    $"an alias can only repeat a value that is complete before it; remove *{name} here")
                : Fail(DiagnosticCodes.InvalidAlias, $"alias *{name} has no anchor &{name} before it", alias.Start,
                    $"define the value once with &{name} before using *{name}, or write the value out");
        }
        if (AtKey)
        {
            return anchor.Text is { } text ? AddKey(text, alias.Start) : ComplexKey(alias.Start);
        }
        if (_open.Count + anchor.Height > YamlReader.MaxDepth)
        {
            return TooDeep(alias.Start);
        }
        if (!Place(anchor.Node?.DeepClone(), alias.Start, anchor.Values, out var path))
        {
            return false;
        }
        // Diagnostics inside the repeated value point at where it was written, under the alias's own path.
        for (var i = anchor.FirstPosition + 1; i < anchor.EndPosition; i++)
        {
            var at = _positions[i];
            Record(at with { Path = path + at.Path[anchor.Path.Length..] });
        }
        return true;
    }

    private bool AddKey(string key, Mark start)
    {
        var top = _open.Peek();
        if (((JsonObject)top.Node).ContainsKey(key))
        {
            return Fail(DiagnosticCodes.DuplicateKey, "a key is defined twice in the same mapping", start, "remove or rename one of the two keys");
        }
        top.PendingKey = key;
        Record(At(ManifestPath.Property(top.Path, key), isKey: true, start));
        return true;
    }

    /// <summary>Adds a value (counted as <paramref name="values"/> towards the size limit) where the document is now.</summary>
    private bool Place(JsonNode? value, Mark start, int values, out string path)
    {
        path = "";
        _values += values;
        if (_values > YamlReader.MaxValues)
        {
            return Fail(DiagnosticCodes.AliasExpansionLimit, $"the manifest has more than {YamlReader.MaxValues} values (each use of an alias counts its whole value)",
                start, "a homelab manifest needs far fewer; use fewer nested aliases (*name)");
        }
        if (!_open.TryPeek(out var parent))
        {
            Root = value;
        }
        else if (parent.Node is JsonObject obj)
        {
            path = ManifestPath.Property(parent.Path, parent.PendingKey!);
            obj[parent.PendingKey!] = value;
            parent.PendingKey = null;
        }
        else
        {
            path = ManifestPath.Item(parent.Path, ((JsonArray)parent.Node).Count);
            ((JsonArray)parent.Node).Add(value);
        }
        Record(At(path, isKey: false, start));
        return true;
    }

    /// <summary>YamlDotNet's marks can lie past a line's end (an empty value at the end of the file); kept inside it.</summary>
    private Position At(string path, bool isKey, Mark mark)
    {
        var at = source.Locate(mark.Line, mark.Column);
        return new Position(path, isKey, at.Line, at.Column);
    }

    private void Record(Position position)
    {
        _positions.Add(position);
        if (position.IsKey)
        {
            map.AddKey(position.Path, position.Line, position.Column);
        }
        else
        {
            map.AddValue(position.Path, position.Line, position.Column);
        }
    }

    private bool TooDeep(Mark at) => Fail(DiagnosticCodes.NestingTooDeep, $"the manifest nests deeper than {YamlReader.MaxDepth} levels",
        at, "a homelab manifest needs fewer than 10; look for a run of '[', '{' or indentation (or an alias repeating a deep value)");

    private bool ComplexKey(Mark at) => Fail(DiagnosticCodes.ComplexKey, "a key must be a plain value, not a list or a mapping",
        at, "write the key as text, e.g. 'jellyfin:'");

    private bool Fail(string code, string summary, Mark at, string hint)
    {
        Problem = Diagnostic.Error(code, summary, source.Locate(at.Line, at.Column), hint);
        return false;
    }

    private sealed record Position(string Path, bool IsKey, int Line, int Column);

    /// <summary>A value with an anchor: the tree to copy, and its recorded positions [First, End) to replay.</summary>
    private sealed record Anchor(JsonNode? Node, string? Text, string Path, int FirstPosition, int EndPosition, int Values, int Height);

    private sealed class Frame(JsonNode node, string path, string? anchor, int firstPosition, int valuesBefore)
    {
        public JsonNode Node { get; } = node;

        public string Path { get; } = path;

        public string? Anchor { get; } = anchor;

        public int FirstPosition { get; } = firstPosition;

        public int ValuesBefore { get; } = valuesBefore;

        public string? PendingKey { get; set; }

        public int Height { get; set; }
    }
}
