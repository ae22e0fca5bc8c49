using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
        return Load(bytes, display, diagnostics);
    }

    public ManifestLoadResult Load(byte[] bytes, string displayName) => Load(bytes, displayName, new DiagnosticBag());

    private ManifestLoadResult Load(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        var text = Decode(bytes, display, diagnostics);
        if (text is null)
        {
            return new ManifestLoadResult(null, null, diagnostics.Items);
        }
        var source = new SourceText(display, text);
        var (root, map) = new YamlReader().Read(source, diagnostics);
        if (diagnostics.HasErrors)
        {
            return new ManifestLoadResult(null, source, diagnostics.Items);
        }
        var schemaFindings = schema.Validate(root, map).ToList();
        diagnostics.AddRange(schemaFindings);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (schemaFindings.Count == 0)
        {
            var spec = root.Deserialize<ManifestSpec>(ManifestJson.Options)
                ?? throw new InvalidOperationException("a schema-valid manifest deserialized to null");
            var loaded = new LoadedManifest(spec, source, map, hash);
            diagnostics.AddRange(rules.Validate(loaded));
            return new ManifestLoadResult(loaded, source, diagnostics.Items);
        }
        // Report rule findings too when the shape is close enough to read, so one run shows every problem.
        if (LenientSpec.TryRead(root, schemaFindings) is { } lenient)
        {
            diagnostics.AddRange(rules.Validate(new LoadedManifest(lenient, source, map, hash)).Where(d => !schemaFindings.Any(s => s.Location == d.Location)));
        }
        var ordered = diagnostics.Items.OrderBy(d => d.Location?.Line ?? 0).ThenBy(d => d.Location?.Column ?? 0).ToList();
        return new ManifestLoadResult(null, source, ordered);
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

    private static string? Decode(byte[] bytes, string display, DiagnosticBag diagnostics)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        var offset = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        try
        {
            return strict.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException e)
        {
            var bad = e.Index >= 0 ? offset + e.Index : offset;
            var before = Encoding.UTF8.GetString(bytes, 0, Math.Min(bad, bytes.Length));
            var line = before.Count(c => c == '\n') + 1;
            var column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidUtf8, $"the manifest is not valid UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad})",
                new SourceLocation(display, line, column), "save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8)"));
            return null;
        }
    }
}
