using System.Text.Json.Nodes;
using HomelabGate.Core.Diagnostics;
using YamlDotNet.Core;

namespace HomelabGate.Core.Manifest;

/// <summary>Parses YAML into a JSON tree (for the schema and the typed model) and records where every key and value was.
/// The tree is built from the parser's events (<see cref="YamlTreeBuilder"/>), never by recursion, within these limits.</summary>
public sealed class YamlReader
{
    /// <summary>Nesting levels of lists and mappings; a real manifest needs fewer than 10, and every later stage (schema,
    /// JSON, rules) stays far from its own recursion limits.</summary>
    public const int MaxDepth = 32;

    /// <summary>Values in the expanded tree, aliases counted each time they are used, so an alias bomb ("billion laughs")
    /// is an error, not an out-of-memory crash; this also bounds the time of every later stage to well under 2 s. A large
    /// homelab (100 hosts with pools and certificates) has about 1,000; the schema's cost grows with its errors, so a
    /// manifest that is all errors must stay small enough to report in time.</summary>
    public const int MaxValues = 10_000;

    public (JsonNode? Root, SourceMap Map) Read(SourceText source, DiagnosticBag diagnostics)
    {
        var map = new SourceMap(source.FileName);
        var builder = new YamlTreeBuilder(source, map);
        var parser = new PositionTrackingParser(new Parser(new StringReader(source.Text)));
        try
        {
            while (parser.MoveNext())
            {
                if (!builder.Accept(parser.Current!))
                {
                    diagnostics.Add(builder.Problem!);
                    return (null, map);
                }
            }
        }
        catch (YamlException e) when (Describe(e).Contains("tab character", StringComparison.Ordinal) && IndentingTab(source) is { } tab)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, "YAML syntax error: a tab is used for indentation", tab,
                "YAML indents with spaces only; replace the tab with spaces"));
            return (null, map);
        }
        catch (YamlException e)
        {
            var duplicate = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase);
            diagnostics.Add(Diagnostic.Error(
                duplicate ? DiagnosticCodes.DuplicateKey : DiagnosticCodes.YamlSyntax,
                duplicate ? "a key is defined twice in the same mapping" : $"YAML syntax error: {Describe(e)}",
                source.Locate(e.Start.Line, e.Start.Column),
                duplicate ? "remove or rename one of the two keys" : "check indentation and quoting on this line and the one above"));
            return (null, map);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this (not a YamlException) for some unclosed flow collections.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"YAML syntax error: the structure is not closed properly ({e.Message.TrimEnd('.')})",
                source.Locate(parser.LastLine, parser.LastColumn), "look for an unclosed [ or { on this line or the lines before it"));
            return (null, map);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
        {
            // YamlDotNet's own checks of tags and escapes, thrown without a position: where the parser stopped.
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, $"YAML syntax error: {e.Message.Split(" (Parameter", 2)[0].TrimEnd('.')}",
                source.Locate(parser.LastLine, parser.LastColumn), "check the tag (!…), anchor or escape sequence on this line"));
            return (null, map);
        }
        catch (Exception e)
        {
            diagnostics.Add(InternalError.While("reading the YAML", e, source.Locate(parser.LastLine, parser.LastColumn)));
            return (null, map);
        }
        if (!builder.HasDocument)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.EmptyDocument, "the manifest is empty",
                new SourceLocation(source.FileName, 1, 1), "start from examples/minimal.yaml"));
            return (null, map);
        }
        return (builder.Root, map);
    }

    /// <summary>The first tab in a line's leading whitespace: where the parser's "tab character" complaint comes from,
    /// which it reports at the start of the value before it instead.</summary>
    private static SourceLocation? IndentingTab(SourceText source)
    {
        for (var line = 1; line <= source.LineCount; line++)
        {
            var text = source.Line(line)!;
            var indent = text.Length - text.TrimStart(' ', '\t').Length;
            if (text.IndexOf('\t', 0, indent) is var tab and >= 0)
            {
                return new SourceLocation(source.FileName, line, tab + 1);
            }
        }
        return null;
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message;
    }
}
