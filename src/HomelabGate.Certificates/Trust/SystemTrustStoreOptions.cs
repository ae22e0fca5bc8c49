namespace HomelabGate.Certificates.Trust;

/// <summary>
/// Where Debian/Ubuntu keep locally added roots and how to rebuild the bundle. Injectable so tests (and
/// unusual distributions) can point elsewhere; <see cref="UpdateArguments"/> lets tests redirect every
/// directory update-ca-certificates touches.
/// </summary>
public sealed record SystemTrustStoreOptions
{
    public string Directory { get; init; } = "/usr/local/share/ca-certificates";

    public string UpdateCommand { get; init; } = "update-ca-certificates";

    public IReadOnlyList<string> UpdateArguments { get; init; } = [];
}
