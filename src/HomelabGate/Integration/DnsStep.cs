using HomelabGate.Core.Desired;
using HomelabGate.Dns.Reconciliation;
using HomelabGate.Dns.Records;

namespace HomelabGate.Integration;

/// <summary>The DNS part of a reconcile: map the desired records onto the provider's record sets, plan against what the
/// provider holds now (that plan is also the drift report), and apply it. Failures are reported, never thrown, so DNS
/// trouble does not stop certificates or the proxy.</summary>
public sealed class DnsStep(DnsProviderFactory providers, RetryBackoff? backoff = null)
{
    public async Task<DnsStepResult> RunAsync(DesiredState desired, bool apply, CancellationToken cancellationToken)
    {
        if (desired.Settings.Dns is not { } settings)
        {
            return DnsStepResult.NotConfigured;
        }
        // A failure backs off per configuration: an edit of the provider or the records is tried at once.
        var key = $"dns:{settings.GetHashCode()}:{string.Join(",", desired.All<DnsRecord>().Select(r => r.GetHashCode()))}";
        if (backoff?.Waiting(key) is { } waiting)
        {
            return new DnsStepResult(settings.Type, null, waiting);
        }
        try
        {
            var (provider, ownership) = providers.Create(settings);
            var records = desired.All<DnsRecord>().ToList();
            var adopt = records.Where(r => r.Adopt).Select(r => new DnsRecordKey(DnsNames.Absolute(r.Name), Parse(r.Type))).ToHashSet();
            var reconciler = new DnsReconciler(provider, ownership, new DnsReconcilerOptions(AdoptOnly: adopt));
            var wanted = records.Select(r => DnsRecordSet.Create(r.Name, Parse(r.Type), r.Values, r.Ttl)).ToList();
            var plan = await reconciler.PlanAsync(wanted, cancellationToken);
            if (apply && plan.HasChanges)
            {
                await reconciler.ApplyAsync(plan, cancellationToken);
            }
            backoff?.Succeeded(key);
            return new DnsStepResult(provider.Description, plan, null);
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            backoff?.Failed(key, e.Message, null);
            return new DnsStepResult(settings.Type, null, e.Message);
        }
    }

    private static DnsRecordType Parse(string type) => Enum.Parse<DnsRecordType>(type, ignoreCase: true);
}

/// <summary>What the DNS step found and did: the plan (changes, conflicts, drift), or the error that stopped it.</summary>
public sealed record DnsStepResult(string Provider, DnsPlan? Plan, string? Error)
{
    public static DnsStepResult NotConfigured { get; } = new("none", null, null);

    public bool Configured => !ReferenceEquals(this, NotConfigured);
}
