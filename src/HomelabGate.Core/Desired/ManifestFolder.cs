using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Desired;

/// <summary>Relative paths in a manifest (a hosts file, certificate files, CA bundles, <c>${file:…}</c> secrets) are
/// relative to the manifest's folder, like <c>settings.stateDir</c>, never to the working directory (under systemd
/// that is /). <see cref="None"/> keeps paths as written, for a manifest that has no folder.</summary>
public sealed record ManifestFolder(string? Path)
{
    public static ManifestFolder None { get; } = new((string?)null);

    public string? File(string? path) =>
        path is null || Path is null || System.IO.Path.IsPathRooted(path) || path.Length == 0
            ? path
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, path));

    /// <summary>A <c>${file:relative}</c> reference made absolute; any other value as it is.</summary>
    public string? Secret(string? value) =>
        SecretReference.TryParse(value, out var reference) && reference.Source == SecretSource.File && File(reference.Location) is { } full
            ? (reference with { Location = full }).Expression
            : value;
}
