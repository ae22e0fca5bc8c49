using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Rendering;

/// <summary>Prints diagnostics like a compiler: location, severity, code and summary; the source line with a caret
/// under the column; then the hint.</summary>
public sealed class DiagnosticRenderer
{
    public void Render(IReadOnlyList<Diagnostic> diagnostics, SourceText? source, TextWriter output)
    {
        foreach (var diagnostic in diagnostics)
        {
            var severity = diagnostic.IsError ? "error" : "warning";
            var where = diagnostic.Location is { } at ? $"{at}: " : "";
            output.WriteLine($"{where}{severity} {diagnostic.Code}: {diagnostic.Summary}");
            if (!diagnostic.QuotesSecret && diagnostic.Location is { } location && source?.Line(location.Line) is { } line && source.FileName == location.File)
            {
                var gutter = location.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                // A tab would widen the line on a terminal but not the caret's run of spaces: shown as one space.
                output.WriteLine($"  {gutter} | {line.Replace('\t', ' ')}");
                output.WriteLine($"  {new string(' ', gutter.Length)} | {new string(' ', Math.Max(0, location.Column - 1))}^");
            }
            if (diagnostic.Hint is { } hint)
            {
                output.WriteLine($"  = hint: {hint}");
            }
            output.WriteLine();
        }
        var errors = diagnostics.Count(d => d.IsError);
        var warnings = diagnostics.Count - errors;
        if (diagnostics.Count > 0)
        {
            output.WriteLine($"{Count(errors, "error")}, {Count(warnings, "warning")}.");
        }
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
