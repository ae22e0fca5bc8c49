using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Planning;
using HomelabGate.Core.Retry;
using HomelabGate.Dns.Providers;
using HomelabGate.Dns.Records;

namespace HomelabGate.Dns.Reconciliation;

/// <summary>The engine's view of the manifest's DNS provider: observe = read the provider and plan (that plan is also the
/// drift report); the prepared changes write exactly that plan. Failures are reported, never thrown, so DNS trouble does
/// not stop certificates or the proxy; a failing configuration backs off (an edit of the provider or the records is
/// tried at once).</summary>
public sealed class DnsSystem(DnsProviderFactory providers, RetryBackoff backoff) : IDnsSystem
{
    public async Task<DnsObservation> ObserveAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        if (desired.Settings.Dns is not { } settings)
        {
            return DnsObservation.NotConfigured;
        }
        var records = desired.All<DnsRecord>().ToList();
        var key = $"dns:{settings.GetHashCode()}:{string.Join(",", records.Select(r => r.GetHashCode()))}";
        var name = settings.Type.ManifestName();
        if (backoff.Waiting(key) is { } waiting)
        {
            return DnsObservation.NotRead(DnsObservationStatus.BackingOff, name, waiting);
        }
        try
        {
            var (provider, ownership) = providers.Create(settings);
            var adopt = records.Where(r => r.Adopt).Select(r => Key(r)).ToHashSet();
            var reconciler = new DnsReconciler(provider, ownership, new DnsReconcilerOptions(AdoptOnly: adopt));
            var plan = await reconciler.PlanAsync(records.Select(r => DnsRecordSet.Create(r.Name, Type(r), r.Values, r.Ttl)).ToList(), cancellationToken);
            var byKey = records.ToDictionary(Key);
            var changes = plan.Changes.Select(c => Map(c, plan, byKey)).ToList();
            var prepared = plan.HasChanges ? new PreparedChanges(reconciler, plan, backoff, key) : null;
            return new DnsObservation(DnsObservationStatus.Observed, provider.Description, changes, [.. plan.Conflicts.Select(c => c.ToString())], null, prepared);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            backoff.Failed(key, e.Message, null);
            return DnsObservation.NotRead(DnsObservationStatus.Failed, name, e.Message);
        }
    }

    private static DnsRecordChange Map(Providers.DnsChange change, DnsPlan plan, IReadOnlyDictionary<DnsRecordKey, DnsRecord> desired)
    {
        var action = change.Action switch
        {
            DnsChangeAction.Create => ChangeAction.Create,
            DnsChangeAction.Update => ChangeAction.Update,
            DnsChangeAction.Delete => ChangeAction.Delete,
            _ => throw new ArgumentOutOfRangeException(nameof(change), change.Action, null),
        };
        var after = change.After is null ? null : desired.GetValueOrDefault(change.Key) ?? Resource(change.After);
        var drift = plan.Drift.FirstOrDefault(d => d.Key == change.Key)?.Kind;
        return new DnsRecordChange(action, change.Before is null ? null : Resource(change.Before), after, drift);
    }

    private static DnsRecord Resource(DnsRecordSet set) => new()
    {
        Name = DnsNames.Relative(set.Name),
        Type = set.Type.ToString(),
        Values = new(set.Values.Select(v => set.Type == DnsRecordType.CNAME ? DnsNames.Relative(v) : v)),
        Ttl = set.Ttl,
    };

    private static DnsRecordKey Key(DnsRecord record) => new(DnsNames.Absolute(record.Name), Type(record));

    private static DnsRecordType Type(DnsRecord record) => Enum.Parse<DnsRecordType>(record.Type, ignoreCase: true);

    private sealed class PreparedChanges(DnsReconciler reconciler, DnsPlan plan, RetryBackoff backoff, string key) : IPreparedDnsChanges
    {
        public async Task ApplyAsync(CancellationToken cancellationToken)
        {
            try
            {
                await reconciler.ApplyAsync(plan, cancellationToken);
                backoff.Succeeded(key);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                backoff.Failed(key, e.Message, null);
                throw;
            }
        }
    }
}
