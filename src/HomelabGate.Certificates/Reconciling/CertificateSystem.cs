using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Sources;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Retry;
using HomelabGate.Core.State;

namespace HomelabGate.Certificates.Reconciling;

/// <summary>The certificate store and its sources as the engine sees them. Observing asks each certificate's source
/// whether it is due; applying issues exactly the certificates the plan names and loads the others. A failure never
/// removes what serves: the last good stored certificate stays served and the status says what went wrong. A failed
/// issuance backs off per certificate (an edit of the certificate or its issuer is tried at once).</summary>
public sealed class CertificateSystem(CertificateStore store, IEnumerable<ICertificateSource> sources, RetryBackoff backoff) : ICertificateSystem
{
    private readonly IReadOnlyDictionary<CertificateOrigin, ICertificateSource> _sources = sources.ToDictionary(s => s.Origin);

    public async Task<IReadOnlyList<CertificateObservation>> ObserveAsync(DesiredState desired, ObservationScope scope, CancellationToken cancellationToken)
    {
        var observations = new List<CertificateObservation>();
        foreach (var certificate in desired.All<Certificate>())
        {
            var work = CertificateWork.For(certificate, desired);
            var stored = Read(certificate.Name);
            RenewalReason? due;
            try
            {
                due = await Source(work.Origin).DueAsync(work, stored, scope, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                due = new RenewalReason(RenewalReasonCode.Unreadable, $"cannot check it: {e.Message}");
            }
            observations.Add(new CertificateObservation(certificate.Name, due, NotAfter(stored.Certificate), due is null ? null : backoff.Waiting(Key(work))));
        }
        return observations;
    }

    public async Task<CertificateApplyResult> ApplyAsync(DesiredState desired, IReadOnlyDictionary<string, RenewalReason> issue, SideEffectPermit permit, CancellationToken cancellationToken)
    {
        var statuses = new List<CertificateStatus>();
        var served = new List<ServedCertificate>();
        foreach (var certificate in desired.All<Certificate>())
        {
            var work = CertificateWork.For(certificate, desired);
            var (stored, status) = issue.TryGetValue(certificate.Name, out var reason)
                ? await IssueAsync(work, reason, permit, cancellationToken)
                : Load(certificate.Name);
            statuses.Add(status);
            if (stored is not null)
            {
                served.Add(new ServedCertificate(certificate.Name, stored.ToServerCertificate(), stored.Chain,
                    certificate.Domains.Count > 0 ? certificate.Domains : SubjectNames.Of(stored.Leaf).All.ToArray()));
            }
        }
        return new CertificateApplyResult(statuses, served);
    }

    private async Task<(StoredCertificate?, CertificateStatus)> IssueAsync(CertificateWork work, RenewalReason reason, SideEffectPermit permit, CancellationToken cancellationToken)
    {
        try
        {
            permit.ThrowIfLost($"issuing certificate '{work.Name}'");
            var issued = await Source(work.Origin).IssueAsync(work, cancellationToken);
            backoff.Succeeded(Key(work));
            return (issued, new CertificateStatus(work.Name, CertificateCondition.Ready, $"issued: {reason.Message}", true, NotAfter(issued)) { NotBefore = NotBefore(issued) });
        }
        catch (LeadershipLostException e)
        {
            // Not a failure of this certificate: no back-off, the new leader issues it.
            var kept = Read(work.Name).Certificate;
            return (kept, new CertificateStatus(work.Name, CertificateCondition.Failed, e.Message, kept is not null, NotAfter(kept)));
        }
        catch (Exception e) when (e is CertificateIssueException or IOException or UnauthorizedAccessException)
        {
            backoff.Failed(Key(work), e.Message, (e as CertificateIssueException)?.RetryAfter);
            var kept = Read(work.Name).Certificate;
            return (kept, new CertificateStatus(work.Name, CertificateCondition.Failed,
                kept is null ? e.Message : $"{e.Message} (the previous certificate keeps serving)", kept is not null, NotAfter(kept)) { NotBefore = NotBefore(kept) });
        }
    }

    private (StoredCertificate?, CertificateStatus) Load(string name)
    {
        var stored = Read(name);
        return stored.Certificate is { } found
            ? (found, new CertificateStatus(name, CertificateCondition.Ready, "valid", true, NotAfter(found)) { NotBefore = NotBefore(found) })
            : (null, new CertificateStatus(name, CertificateCondition.Failed, stored.Problem ?? "not issued yet", false, null));
    }

    private ICertificateSource Source(CertificateOrigin origin) =>
        _sources.TryGetValue(origin, out var source) ? source : throw new InvalidOperationException($"no certificate source for {origin} is registered");

    private StoredCertificateRead Read(string name)
    {
        try
        {
            return store.Read(name);
        }
        catch (Exception e) when (e is CertificateStoreException or InsecureKeyFileException or IOException or ArgumentException or UnauthorizedAccessException)
        {
            return StoredCertificateRead.Unreadable(e.Message);
        }
    }

    /// <summary>Back-off is per certificate and what is asked of it: an edit is a new key, tried at once.</summary>
    private static string Key(CertificateWork work) => $"certificate:{work.Name}:{work.GetHashCode()}";

    private static DateTimeOffset? NotAfter(StoredCertificate? certificate) =>
        certificate is null ? null : new DateTimeOffset(certificate.Leaf.NotAfter.ToUniversalTime());

    private static DateTimeOffset? NotBefore(StoredCertificate? certificate) =>
        certificate is null ? null : new DateTimeOffset(certificate.Leaf.NotBefore.ToUniversalTime());
}
