using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Header names are tokens and values (the contentSecurityPolicy too) hold no CR/LF, which would let a manifest
/// split responses.</summary>
public sealed class HeaderValueRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        foreach (var (name, host) in manifest.Spec.Hosts)
        {
            foreach (var (side, ops) in new[] { ("request", host.Headers?.Request), ("response", host.Headers?.Response) })
            {
                foreach (var (header, value) in ops?.Add ?? [])
                {
                    var path = $"hosts.{name}.headers.{side}.add.{header}";
                    if (header.Length == 0 || header.Any(c => c <= ' ' || c >= 127 || "()<>@,;:\\\"/[]?={}".Contains(c)))
                    {
                        yield return Diagnostic.Error(DiagnosticCodes.InvalidHeader, $"'{header}' is not a valid header name",
                            manifest.Map.Key(path), "use letters, digits and '-', e.g. X-Frame-Options");
                    }
                    if (HasLineBreak(value))
                    {
                        yield return Diagnostic.Error(DiagnosticCodes.InvalidHeader, $"the value of header '{header}' contains a line break",
                            manifest.Map.Value(path), "header values must be one line");
                    }
                }
            }
            if (host.ContentSecurityPolicy is { } policy && HasLineBreak(policy))
            {
                yield return Diagnostic.Error(DiagnosticCodes.InvalidHeader, "the contentSecurityPolicy contains a line break",
                    manifest.Map.Value($"hosts.{name}.contentSecurityPolicy"), "write the policy on one line, directives separated by ';'");
            }
        }
    }

    private static bool HasLineBreak(string value) => value.Any(c => c is '\r' or '\n' or '\0');
}
