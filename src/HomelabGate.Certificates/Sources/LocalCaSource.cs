using System.Net;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Sources;

/// <summary>Certificates from the local CA of the state directory. One instance per state directory, and one issuance at
/// a time: creating the CA twice concurrently would leave two roots. Observing never creates or rotates the CA.</summary>
public sealed class LocalCaSource(CaStore authorities, CertificateStore store, CaCertificateFactory caFactory, LeafCertificateFactory leaves,
    RenewalPolicyFactory policies, TimeProvider time) : ICertificateSource
{
    /// <summary>Apple refuses TLS certificates valid longer than this, even from a user-trusted root.</summary>
    public static readonly TimeSpan MaximumLifetime = CertificateLifetime.Maximum;

    /// <summary>Shorter leaves would be renewed on nearly every reconcile, or serve already expired.</summary>
    public static readonly TimeSpan MinimumLifetime = CertificateLifetime.Minimum;

    private readonly SemaphoreSlim _gate = new(1, 1);

    public CertificateOrigin Origin => CertificateOrigin.LocalCa;

    public Task<RenewalReason?> DueAsync(CertificateWork work, StoredCertificateRead stored, ObservationScope scope, CancellationToken cancellationToken)
    {
        var intermediate = CurrentIntermediate();
        var policy = policies.Create([policies.ByLifetime()]);
        var reason = policy.Evaluate(new RenewalContext(work.Request, stored, intermediate));
        if (reason is null && intermediate is not null && Provider(work).IntermediateReplacementReason(intermediate) is { } why)
        {
            // The leaf is fine, but the intermediate that signed it is replaced at the next issuance: re-issue with it.
            reason = new RenewalReason(RenewalReasonCode.IssuerChanged, $"the local CA's intermediate is replaced ({why}); its leaves are issued again");
        }
        return Task.FromResult(reason);
    }

    public async Task<StoredCertificate> IssueAsync(CertificateWork work, CancellationToken cancellationToken)
    {
        var request = work.Request;
        // The bounds gate validate checks too (its DurationRule uses the same constants).
        if (request.Lifetime < MinimumLifetime || request.Lifetime > MaximumLifetime)
        {
            throw new CertificateIssueException($"lifetime must be between {MinimumLifetime.TotalHours} hour and {MaximumLifetime.TotalDays} days (Apple's limit)");
        }
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var authority = await Provider(work).GetOrCreateAsync(cancellationToken);
            RefuseNamesOutsideConstraints(request.Name, request.Names, authority.NameConstraints);
            if (store.Read(request.Name).Certificate?.Metadata?.Source == CertificateSource.Custom)
            {
                throw new CertificateIssueException($"'{request.Name}' is a custom (imported) certificate; the local CA will not replace it. Use another name.");
            }
            var issued = Issue(request, authority);
            await store.SaveAsync(issued, cancellationToken);
            return issued;
        }
        catch (Exception e) when (e is NameConstraintViolationException or CertificateStoreException)
        {
            throw new CertificateIssueException(e.Message, inner: e);
        }
        finally
        {
            _gate.Release();
        }
    }

    private LocalCaProvider Provider(CertificateWork work) => new(authorities, caFactory, Options(work.Issuer), time);

    private X509Certificate2? CurrentIntermediate()
    {
        try
        {
            return authorities.HasIntermediate ? authorities.LoadIntermediate() : null;
        }
        catch (CertificateStoreException)
        {
            return null;
        }
    }

    private StoredCertificate Issue(LeafCertificateRequest request, LocalCertificateAuthority authority)
    {
        var now = time.GetUtcNow();
        // Never outlive the intermediate: clients would reject the chain after it expires anyway.
        var intermediateEnd = new DateTimeOffset(authority.Intermediate.NotAfter.ToUniversalTime());
        var notAfter = now + request.Lifetime < intermediateEnd ? now + request.Lifetime : intermediateEnd;
        var key = PrivateKey.Generate(request.KeyAlgorithm);
        // Backdated a little: devices on the LAN with a slow clock would otherwise see "not yet valid".
        var leaf = leaves.Create(authority.Intermediate, authority.IntermediateKey, key, request.Names, now - NotBeforeBackdate, notAfter);
        var metadata = new CertificateMetadata(request.Name, request.Names.All.ToArray(), request.KeyAlgorithm, CertificateSource.LocalCa, now);
        return new StoredCertificate(request.Name, leaf, [authority.Intermediate], key, metadata);
    }

    /// <summary>How far a new leaf's validity starts in the past.</summary>
    public static readonly TimeSpan NotBeforeBackdate = TimeSpan.FromMinutes(5);

    private static void RefuseNamesOutsideConstraints(string certificateName, SubjectNames names, NameConstraints? constraints)
    {
        if (constraints is null)
        {
            return;
        }
        var outside = names.DnsNames.Where(n => !constraints.Permits(n))
            .Concat(names.IpAddresses.Where(ip => !constraints.Permits(ip)).Select(ip => ip.ToString()))
            .ToArray();
        if (outside.Length > 0)
        {
            throw new NameConstraintViolationException(certificateName, outside, constraints.ToString());
        }
    }

    public static LocalCaOptions Options(CertificateIssuer? issuer) => new()
    {
        KeyAlgorithm = issuer?.KeyType ?? KeyType.EcdsaP256,
        NameConstraints = issuer is { PermittedDns.Count: > 0 }
            ? new NameConstraints(issuer.PermittedDns, issuer.PermittedIp.Select(c => c.Contains('/') ? IPNetwork.Parse(c) : IPNetwork.Parse(c + (c.Contains(':') ? "/128" : "/32"))))
            : null,
    };
}
