using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary><c>errorPages</c> in settings and on hosts: each file exists (relative to the manifest's folder), is a file,
/// and is small enough to be held in memory for every host that serves it. A manifest read from memory has no folder,
/// so its files are not looked at.</summary>
public sealed class ErrorPageRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        if (manifest.Folder is not { } folder)
        {
            yield break;
        }
        var pages = (manifest.Spec.Settings.ErrorPages ?? []).Select(p => ("settings.errorPages", p.Key, p.Value))
            .Concat(manifest.Spec.Hosts.SelectMany(h => (h.Value.ErrorPages ?? []).Select(p => ($"hosts.{h.Key}.errorPages", p.Key, p.Value))));
        foreach (var (path, status, file) in pages)
        {
            if (Problem(new ManifestFolder(folder).File(file) ?? file) is { } problem)
            {
                yield return Diagnostic.Error(DiagnosticCodes.ErrorPage, $"the {status} page '{file}' {problem}",
                    manifest.Map.Value(ManifestPath.Property(path, status)),
                    $"a path relative to the manifest's folder ({folder}), to an HTML file of at most {ErrorPageFile.MaxBytes / 1024}KB");
            }
        }
    }

    private static string? Problem(string file)
    {
        if (Directory.Exists(file))
        {
            return "is a folder, not a file";
        }
        if (!File.Exists(file))
        {
            return "does not exist";
        }
        try
        {
            using var stream = File.OpenRead(file);
            return stream.Length > ErrorPageFile.MaxBytes ? $"is {stream.Length / 1024}KB; the limit is {ErrorPageFile.MaxBytes / 1024}KB" : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return $"cannot be read ({e.Message})";
        }
    }
}
