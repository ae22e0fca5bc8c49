using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>One entry of a plan as people read it: a host together with its own upstream (the pool of its <c>to:</c> and
/// of its locations' <c>to:</c>) and the DNS records of its domains, or any other resource on its own.</summary>
/// <param name="Lines">Attribute lines in the manifest's words: "to = …" for a new host, "~ to: a → b" for a change.</param>
/// <param name="Records">DNS record changes shown inside a host's entry.</param>
/// <param name="Covers">Every change of the plan this entry stands for (the host, its pools, its records).</param>
public sealed record PlanItem(
    ResourceId Id,
    ChangeAction Action,
    string? Summary,
    string Reason,
    IReadOnlyList<string> Lines,
    IReadOnlyList<ResourceChange> Records,
    IReadOnlyList<ResourceChange> Covers);
