using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Core.Engine;

/// <summary>One record set the provider will create, update or delete, as the manifest's resources
/// (<see cref="Before"/> is what the provider holds now). <see cref="Drift"/> is set when it repairs an out-of-band
/// change to a record HomelabGate wrote.</summary>
public sealed record DnsRecordChange(ChangeAction Action, DnsRecord? Before, DnsRecord? After, DnsDriftKind? Drift)
{
    public ResourceId Id => (After ?? Before ?? throw new InvalidOperationException("a change needs a record")).Id;
}

public enum DnsDriftKind
{
    ChangedOutOfBand,
    DeletedOutOfBand,
}
