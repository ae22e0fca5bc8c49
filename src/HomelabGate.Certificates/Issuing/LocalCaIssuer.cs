using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;

namespace HomelabGate.Certificates.Issuing;

/// <summary>
/// "Make sure this certificate exists and is good": reuses the stored one unless the renewal policy gives a
/// reason, otherwise issues from the local CA and stores it atomically (a failure leaves the old files).
/// </summary>
public sealed class LocalCaIssuer(
    LocalCaProvider authorities, CertificateStore store, RenewalPolicy policy, LeafCertificateFactory leaves, TimeProvider time)
{
    /// <summary>Apple refuses TLS certificates valid longer than this, even from a user-trusted root.</summary>
    public static readonly TimeSpan MaximumLifetime = CertificateLifetime.Maximum;

    /// <summary>Shorter leaves would be renewed on nearly every reconcile, or serve already expired.</summary>
    public static readonly TimeSpan MinimumLifetime = CertificateLifetime.Minimum;

    // One issuance at a time per issuer: creating the CA twice concurrently would leave two roots.
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The usual wiring for a state directory; the daemon's composition root may build its own.</summary>
    public static LocalCaIssuer ForStateDirectory(string stateDirectory, LocalCaOptions options, TimeProvider time)
    {
        var (reader, writer) = (new PemFileReader(), new AtomicFileWriter());
        var provider = new LocalCaProvider(new CaStore(stateDirectory, reader, writer), new CaCertificateFactory(), options, time);
        return new LocalCaIssuer(provider, new CertificateStore(stateDirectory, reader, writer),
            RenewalPolicy.Default(time, new RenewalWindow()), new LeafCertificateFactory(), time);
    }

    public async Task<IssuanceResult> EnsureAsync(LeafCertificateRequest request, CancellationToken cancellationToken)
    {
        CheckLifetime(request);
        var names = request.Names;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var authority = await authorities.GetOrCreateAsync(cancellationToken);
            RefuseNamesOutsideConstraints(request.Name, names, authority.NameConstraints);
            var stored = store.Read(request.Name);
            if (stored.Certificate?.Metadata?.Source == CertificateSource.Custom)
            {
                throw new InvalidOperationException($"Certificate '{request.Name}' is a custom (imported) certificate; the local CA will not replace it. Use another name.");
            }

            var reason = policy.Evaluate(new RenewalContext(request, stored, authority.Intermediate));
            if (reason is null)
            {
                return new IssuanceResult(stored.Certificate!, null);
            }

            var issued = Issue(request, names, authority);
            await store.SaveAsync(issued, cancellationToken);
            return new IssuanceResult(issued, reason);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The bounds <c>gate validate</c> checks too (the manifest's DurationRule uses the same constants).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The lifetime is outside them.</exception>
    public static void CheckLifetime(LeafCertificateRequest request)
    {
        if (request.Lifetime < MinimumLifetime || request.Lifetime > MaximumLifetime)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.Lifetime,
                $"Certificate '{request.Name}': lifetime must be between {MinimumLifetime.TotalHours} hour and {MaximumLifetime.TotalDays} days (Apple's limit).");
        }
    }

    private StoredCertificate Issue(LeafCertificateRequest request, SubjectNames names, LocalCertificateAuthority authority)
    {
        var now = time.GetUtcNow();
        // Never outlive the intermediate: clients would reject the chain after it expires anyway.
        var intermediateEnd = new DateTimeOffset(authority.Intermediate.NotAfter.ToUniversalTime());
        var notAfter = now + request.Lifetime < intermediateEnd ? now + request.Lifetime : intermediateEnd;
        var key = PrivateKey.Generate(request.KeyAlgorithm);
        // Backdated a little: devices on the LAN with a slow clock would otherwise see "not yet valid".
        var leaf = leaves.Create(authority.Intermediate, authority.IntermediateKey, key, names, now.AddMinutes(-5), notAfter);
        var metadata = new CertificateMetadata(request.Name, names.All.ToArray(), request.KeyAlgorithm, CertificateSource.LocalCa, now);
        return new StoredCertificate(request.Name, leaf, [authority.Intermediate], key, metadata);
    }

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
}
