namespace HomelabGate.Core.Status;

/// <summary>The result of comparing the world with the manifest. <see cref="Problems"/> are checks that could not run
/// (a DNS server that did not answer), which is neither "in sync" nor "drifted".</summary>
public sealed record DriftReport(IReadOnlyList<DriftItem> Items, IReadOnlyList<string> Problems)
{
    public bool InSync => Items.Count == 0 && Problems.Count == 0;
}
