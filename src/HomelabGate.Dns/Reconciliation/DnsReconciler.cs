using HomelabGate.Dns.Ownership;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>Keeps one provider's records in line with the manifest: observe, plan (pure), apply, then record
/// ownership. <see cref="PlanAsync"/> alone is <c>gate plan</c> and <c>gate drift</c>.</summary>
public sealed class DnsReconciler(IDnsProvider provider, IDnsOwnershipRegistry ownership, DnsReconcilerOptions options)
{
    public async Task<DnsPlan> PlanAsync(IReadOnlyList<DnsRecordSet> desired, CancellationToken cancellationToken)
    {
        var unsupported = desired.FirstOrDefault(d => !provider.Capabilities.Types.Contains(d.Type));
        if (unsupported is not null)
        {
            throw new NotSupportedException($"{provider.Description} cannot hold {unsupported.Type} records ({unsupported.Name})");
        }
        var wanted = desired.Select(provider.Capabilities.Normalize).ToList();
        var owned = await ownership.LoadAsync(cancellationToken);
        var names = wanted.Select(d => d.Name).Concat(owned.Keys.Select(k => k.Name));
        var observed = await provider.ObserveAsync(DnsObservationScope.ForNames(names), cancellationToken);
        return DnsRecordPlanner.Plan(wanted, observed, owned, options.ShouldAdopt);
    }

    public async Task<DnsApplyResult> ApplyAsync(IReadOnlyList<DnsRecordSet> desired, CancellationToken cancellationToken)
    {
        var plan = await PlanAsync(desired, cancellationToken);
        await ApplyAsync(plan, cancellationToken);
        return new DnsApplyResult(plan);
    }

    /// <summary>Carries out a plan made by <see cref="PlanAsync"/>, then records what is ours now.</summary>
    public async Task ApplyAsync(DnsPlan plan, CancellationToken cancellationToken)
    {
        var claimed = plan.Changes.Where(c => c.After is not null).Select(c => c.After!).Concat(plan.Adopted).ToList();
        var released = plan.Changes.Where(c => c.Action == DnsChangeAction.Delete).Select(c => c.Key).Concat(plan.Released).ToList();
        try
        {
            if (plan.Changes.Count > 0)
            {
                await provider.ApplyAsync(plan.Changes, cancellationToken);
            }
        }
        catch (DnsReloadFailedException)
        {
            // Written but not reloaded: the records are ours all the same; forgetting that would turn them into
            // "foreign" conflicts on the next apply.
            await ownership.SaveAsync(new OwnershipUpdate(claimed, released), cancellationToken);
            throw;
        }
        await ownership.SaveAsync(new OwnershipUpdate(claimed, released), cancellationToken);
    }
}
