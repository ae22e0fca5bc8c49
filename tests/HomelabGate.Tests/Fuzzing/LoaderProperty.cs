using System.Diagnostics;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Fuzzing;
using HomelabGate.Rendering;

namespace HomelabGate.Tests.Fuzzing;

/// <summary>What must hold for any bytes handed to the loader: it returns (never throws) within the time budget; a
/// rejection carries at least one error; every diagnostic has a location inside the file and none is an internal
/// error; an accepted manifest builds its desired state and its diagnostics render.</summary>
public static class LoaderProperty
{
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static void Check(byte[] bytes)
    {
        var watch = Stopwatch.StartNew();
        var result = ManifestFixture.Loader.Load(bytes, "fuzz.yaml");
        if (result.Succeeded)
        {
            new DesiredStateBuilder().Build(result.Manifest!.Spec, Path.GetTempPath());
        }
        new DiagnosticRenderer().Render(result.Diagnostics, result.Source, TextWriter.Null);
        if (watch.Elapsed > Budget)
        {
            throw new TimeoutException($"loading took {watch.Elapsed.TotalSeconds:F1} s (budget {Budget.TotalSeconds} s)");
        }
        if (!result.Succeeded && !result.Diagnostics.Any(d => d.IsError))
        {
            throw new InvalidOperationException("rejected without an error diagnostic");
        }
        var lines = FileLines.Of(bytes);
        foreach (var diagnostic in result.Diagnostics)
        {
            if (diagnostic.Code == DiagnosticCodes.InternalError)
            {
                throw new InvalidOperationException($"internal error: {diagnostic.Summary}");
            }
            if (diagnostic.Location is not { } at || at.File != "fuzz.yaml" || !lines.Contains(at.Line, at.Column))
            {
                throw new InvalidOperationException($"{diagnostic.Code} '{diagnostic.Summary}' at {diagnostic.Location?.ToString() ?? "no location"}, outside the file's {lines.Count} lines");
            }
        }
    }
}
