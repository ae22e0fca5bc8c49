using System.Net;
using HomelabGate.Certificates.Import;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;

namespace HomelabGate.Certificates.Reconciling;

/// <summary>Makes the certificate store match the desired certificates: local-CA ones are issued or renewed when the
/// renewal policy says so, imported ones are validated and copied in. A failure never removes what serves: the last
/// good stored certificate stays in the result, and the status says what went wrong.</summary>
public sealed class CertificateReconciler(string stateDirectory, TimeProvider time, IEnumerable<IExternalIssuer> externalIssuers)
{
    private readonly PemFileReader _reader = new();
    private readonly CertificateStore _store = new(stateDirectory, new PemFileReader(), new AtomicFileWriter());
    private IReadOnlyDictionary<string, string> _lastThumbprints = new Dictionary<string, string>();

    public string StateDirectory { get; } = stateDirectory;

    public async Task<CertificateReconcileResult> ReconcileAsync(DesiredState desired, CancellationToken cancellationToken)
    {
        var served = new List<ServedCertificate>();
        var statuses = new List<CertificateStatus>();
        foreach (var certificate in desired.All<Certificate>())
        {
            var (stored, status) = await EnsureAsync(certificate, desired, cancellationToken);
            statuses.Add(status);
            if (stored is not null)
            {
                served.Add(new ServedCertificate(certificate.Name, stored.ToServerCertificate(), stored.Chain, certificate.Domains.Count > 0 ? certificate.Domains : SubjectNames.Of(stored.Leaf).All.ToArray()));
            }
        }
        var thumbprints = served.ToDictionary(s => s.Name, s => s.Leaf.Thumbprint, StringComparer.Ordinal);
        var changed = thumbprints.Count != _lastThumbprints.Count || thumbprints.Any(t => !_lastThumbprints.TryGetValue(t.Key, out var old) || old != t.Value);
        _lastThumbprints = thumbprints;
        return new CertificateReconcileResult(served, statuses) { Changed = changed };
    }

    private async Task<(StoredCertificate?, CertificateStatus)> EnsureAsync(Certificate certificate, DesiredState desired, CancellationToken cancellationToken)
    {
        try
        {
            if (certificate.Files is { } files)
            {
                return await ImportAsync(certificate.Name, files, cancellationToken);
            }
            var issuer = desired.Find<CertificateIssuer>(certificate.Issuer ?? "");
            if (issuer?.Type == IssuerType.Acme)
            {
                var external = externalIssuers.FirstOrDefault(e => e.Handles(issuer))
                    ?? throw new InvalidOperationException($"ACME issuer '{issuer.Name}' is not available in this build");
                var result = await external.EnsureAsync(certificate, issuer, _store, cancellationToken);
                return (result.Certificate, Ready(certificate.Name, result));
            }
            var local = LocalCaIssuer.ForStateDirectory(StateDirectory, Options(issuer), time);
            var request = new LeafCertificateRequest(certificate.Name, certificate.Domains)
            {
                KeyAlgorithm = Algorithm(certificate.KeyType),
                Lifetime = certificate.Lifetime ?? issuer?.LeafLifetime ?? LeafCertificateRequest.DefaultLifetime,
            };
            var issued = await local.EnsureAsync(request, cancellationToken);
            return (issued.Certificate, Ready(certificate.Name, issued));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var kept = TryReadStored(certificate.Name);
            return (kept, new CertificateStatus(certificate.Name, CertificateCondition.Failed,
                kept is null ? e.Message : $"{e.Message} (the previous certificate keeps serving)", kept is not null, NotAfter(kept)));
        }
    }

    private async Task<(StoredCertificate?, CertificateStatus)> ImportAsync(string name, CertificateFiles files, CancellationToken cancellationToken)
    {
        var import = new CustomCertificateImporter(_reader, time).Import(name, new CustomCertificatePaths(files.Cert, files.Key, files.Chain));
        if (!import.Succeeded)
        {
            var kept = TryReadStored(name);
            return (kept, new CertificateStatus(name, CertificateCondition.Failed, string.Join(" ", import.Errors), kept is not null, NotAfter(kept)));
        }
        var existing = TryReadStored(name);
        if (existing?.Leaf.Thumbprint != import.Certificate!.Leaf.Thumbprint)
        {
            await _store.SaveAsync(import.Certificate, cancellationToken);
        }
        return (import.Certificate, new CertificateStatus(name, CertificateCondition.Ready, "imported from files", true, NotAfter(import.Certificate)));
    }

    private StoredCertificate? TryReadStored(string name)
    {
        try
        {
            return _store.Read(name).Certificate;
        }
        catch (Exception e) when (e is CertificateStoreException or IOException or ArgumentException)
        {
            return null;
        }
    }

    private static CertificateStatus Ready(string name, IssuanceResult result) =>
        new(name, CertificateCondition.Ready, result.IssuedBecause is { } why ? $"issued: {why.Message}" : "valid", true, NotAfter(result.Certificate));

    private static DateTimeOffset? NotAfter(StoredCertificate? certificate) =>
        certificate is null ? null : new DateTimeOffset(certificate.Leaf.NotAfter.ToUniversalTime());

    private static LocalCaOptions Options(CertificateIssuer? issuer) => new()
    {
        KeyAlgorithm = Algorithm(issuer?.KeyType ?? KeyType.EcdsaP256),
        NameConstraints = issuer is { PermittedDns.Count: > 0 }
            ? new NameConstraints(issuer.PermittedDns, issuer.PermittedIp.Select(c => c.Contains('/') ? IPNetwork.Parse(c) : IPNetwork.Parse(c + (c.Contains(':') ? "/128" : "/32"))))
            : null,
    };

    private static KeyAlgorithm Algorithm(KeyType type) => type switch
    {
        KeyType.Rsa2048 => KeyAlgorithm.Rsa2048,
        KeyType.Rsa3072 => KeyAlgorithm.Rsa3072,
        _ => KeyAlgorithm.EcdsaP256,
    };
}
