namespace HomelabGate.Core.Desired;

/// <summary>A custom page for an answer the gate gives itself: the status, the file (absolute) and a digest of what it
/// held when the manifest was read, so an edited page is a change like any other and gets applied.</summary>
public sealed record ErrorPageFile(int Status, string File, string? Digest)
{
    /// <summary>The answers the gate makes itself, and so the only ones a page can replace: an upstream's own error
    /// answer always reaches the client as it is.</summary>
    public static IReadOnlyList<int> Statuses { get; } = [401, 403, 413, 429, 502, 503, 504];

    /// <summary>A page is held in memory for every host that uses it; a larger file is refused by validation.</summary>
    public const int MaxBytes = 64 * 1024;
}
