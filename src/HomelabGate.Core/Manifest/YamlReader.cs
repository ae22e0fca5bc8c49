using System.Globalization;
using System.Text.Json.Nodes;
using HomelabGate.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HomelabGate.Core.Manifest;

/// <summary>Parses YAML into a JSON tree (for the schema and the typed model) and records where every key and value was.
/// Plain scalars follow the YAML 1.2 core schema, so "yes", "no" and "on" stay strings.</summary>
public sealed class YamlReader
{
    /// <summary>Aliases may repeat a subtree; this bounds the expanded size so an alias bomb ("billion laughs") is an error,
    /// not an out-of-memory crash.</summary>
    public const int MaxExpandedNodes = 100_000;

    public (JsonNode? Root, SourceMap Map) Read(SourceText source, DiagnosticBag diagnostics)
    {
        var map = new SourceMap(source.FileName);
        var stream = new YamlStream();
        var parser = new PositionTrackingParser(new Parser(new StringReader(source.Text)));
        try
        {
            stream.Load(parser);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (not a YamlException) for some unclosed flow collections.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"YAML syntax error: the structure is not closed properly ({e.Message.TrimEnd('.')})",
                new SourceLocation(source.FileName, parser.LastLine, parser.LastColumn), "look for an unclosed [ or { on this line or the lines before it"));
            return (null, map);
        }
        catch (YamlException e)
        {
            var duplicate = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            diagnostics.Add(Diagnostic.Error(
                duplicate ? DiagnosticCodes.DuplicateKey : DiagnosticCodes.YamlSyntax,
                duplicate ? "a key is defined twice in the same mapping" : $"YAML syntax error: {Describe(e)}",
                new SourceLocation(source.FileName, (int)e.Start.Line, (int)e.Start.Column),
                duplicate ? "remove or rename one of the two keys" : "check indentation and quoting on this line and the one above"));
            return (null, map);
        }
        if (stream.Documents.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyDocument, "the manifest is empty",
                new SourceLocation(source.FileName, 1, 1), "start from examples/minimal.yaml"));
            return (null, map);
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.MultipleDocuments, "the manifest holds more than one YAML document",
                new SourceLocation(source.FileName, (int)second.Line, (int)second.Column), "remove the '---' separator and merge the documents"));
            return (null, map);
        }
        var budget = new Budget();
        var root = Convert(stream.Documents[0].RootNode, string.Empty, map, budget);
        if (budget.Exceeded)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.AliasExpansionLimit,
                $"the manifest expands to more than {MaxExpandedNodes} values (YAML aliases repeating each other?)",
                new SourceLocation(source.FileName, 1, 1), "use fewer nested aliases (*name); a homelab manifest needs far fewer values"));
            return (null, map);
        }
        return (root, map);
    }

    private static JsonNode? Convert(YamlNode node, string path, SourceMap map, Budget budget)
    {
        if (++budget.Used > MaxExpandedNodes)
        {
            budget.Exceeded = true;
            return null;
        }
        map.AddValue(path, (int)node.Start.Line, (int)node.Start.Column);
        switch (node)
        {
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    var key = keyNode is YamlScalarNode scalarKey ? scalarKey.Value ?? string.Empty : keyNode.ToString();
                    var childPath = ManifestPath.Property(path, key);
                    map.AddKey(childPath, (int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    obj[key] = Convert(valueNode, childPath, map, budget);
                    if (budget.Exceeded)
                    {
                        return null;
                    }
                }
                return obj;
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    array.Add(Convert(sequence.Children[i], ManifestPath.Item(path, i), map, budget));
                    if (budget.Exceeded)
                    {
                        return null;
                    }
                }
                return array;
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                return null;
        }
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return JsonValue.Create(integer);
        }
        if (text.Length > 0 && (char.IsDigit(text[0]) || text[0] is '-' or '+' or '.') && text.Any(char.IsDigit)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && double.IsFinite(real))
        {
            return JsonValue.Create(real);
        }
        return JsonValue.Create(text);
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }

    private sealed class Budget
    {
        public int Used { get; set; }

        public bool Exceeded { get; set; }
    }
}
