using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Validation;

namespace HomelabGate.Core.Manifest;

/// <summary>File → text → YAML tree → schema check → typed spec → rule checks. Every stage adds diagnostics; a stage
/// that cannot produce a usable result stops the pipeline, but each stage reports all it finds.</summary>
public sealed class ManifestLoader(SchemaValidator schema, ManifestValidator rules)
{
    public const long MaxFileBytes = 1024 * 1024;

    public ManifestLoadResult Load(string path)
    {
        var display = Path.GetFileName(path);
        var diagnostics = new DiagnosticBag();
        var bytes = ReadBytes(path, display, diagnostics);
        if (bytes is null)
        {
            return new ManifestLoadResult(null, null, diagnostics.Items);
        }
        return Load(bytes, display, diagnostics, Path.GetDirectoryName(Path.GetFullPath(path)));
    }

    /// <summary>A manifest without a folder: files it names (error pages) are not looked at.</summary>
    public ManifestLoadResult Load(byte[] bytes, string displayName) => Load(bytes, displayName, new DiagnosticBag(), null);

    private ManifestLoadResult Load(byte[] bytes, string display, DiagnosticBag diagnostics, string? folder)
    {
        var source = ManifestText.Decode(bytes, display, diagnostics);
        if (source is null)
        {
            return new ManifestLoadResult(null, null, diagnostics.Items);
        }
        var (root, map) = new YamlReader().Read(source, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new ManifestLoadResult(null, source, diagnostics.Items);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        IReadOnlyList<SchemaFinding> schemaFindings;
        try
        {
            schemaFindings = schema.Check(root, map);
        }
        catch (Exception e)
        {
            diagnostics.Add(InternalError.While("checking the schema", e, new SourceLocation(display, 1, 1)));
            return new ManifestLoadResult(null, source, diagnostics.Items);
        }
        diagnostics.AddRange(schemaFindings.Select(f => f.Diagnostic));
        if (schemaFindings.Count == 0)
        {
            if (Read(root, map, diagnostics) is not { } spec)
            {
                return new ManifestLoadResult(null, source, diagnostics.Items);
            }
            var loaded = new LoadedManifest(spec, source, map, hash) { Folder = folder };
            diagnostics.AddRange(rules.Validate(loaded));
            return new ManifestLoadResult(loaded, source, diagnostics.Items);
        }
        // Report rule findings too, so one run shows every problem: on the manifest without what the schema refused.
        if (PartialSpec.TryRead(root, schemaFindings) is { } partial)
        {
            var complete = schemaFindings.All(f => f.Diagnostic.Code == DiagnosticCodes.UnknownKey);
            var schemaLocations = schemaFindings.Select(f => f.Diagnostic.Location).ToHashSet();
            diagnostics.AddRange(rules.Validate(new LoadedManifest(partial, source, map, hash) { Folder = folder }, complete).Where(d => !schemaLocations.Contains(d.Location)));
        }
        var ordered = diagnostics.Items.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList();
        return new ManifestLoadResult(null, source, ordered);
    }

    /// <summary>The typed spec of a schema-valid tree. A failure here is a gap in the schema, reported where it is.</summary>
    private static ManifestSpec? Read(JsonNode? root, SourceMap map, DiagnosticBag diagnostics)
    {
        try
        {
            return root.Deserialize(ManifestJson.Spec) ?? throw new JsonException("the manifest is null", "$", null, null);
        }
        catch (Exception e)
        {
            var path = (e as JsonException)?.Path ?? "$";
            diagnostics.Add(InternalError.While("reading the manifest", e, map.Value(ManifestPath.FromJsonPath(path))));
            return null;
        }
    }

    private static byte[]? ReadBytes(string path, string display, DiagnosticBag diagnostics)
    {
        var at = new SourceLocation(path, 1, 1);
        if (Directory.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.PathIsDirectory, $"'{path}' is a directory, not a manifest file",
                at, $"point at the file inside it, e.g. {Path.Combine(path, "homelab.yaml")}"));
            return null;
        }
        if (!File.Exists(path))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"manifest '{path}' does not exist",
                at, "pass the manifest with -f PATH, or copy examples/minimal.yaml to homelab.yaml"));
            return null;
        }
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > MaxFileBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileTooLarge,
                    $"the manifest is {stream.Length / 1024} KiB; the limit is {MaxFileBytes / 1024} KiB", at,
                    "a homelab manifest is a few KiB; check that this is the right file"));
                return null;
            }
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileUnreadable, $"cannot read '{path}': {e.Message}", at,
                "check the file's permissions"));
            return null;
        }
    }
}
