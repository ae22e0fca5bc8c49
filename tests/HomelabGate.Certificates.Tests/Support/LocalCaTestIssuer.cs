using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Sources;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;

namespace HomelabGate.Certificates.Tests.Support;

/// <summary>"Make sure this certificate exists and is good", as the engine does it for one local-CA certificate:
/// ask the source whether it is due, and issue it if so.</summary>
public sealed class LocalCaTestIssuer(string stateDirectory, LocalCaOptions options, TimeProvider time)
{
    private readonly CertificateStore _store = new(stateDirectory, new PemFileReader(), new AtomicFileWriter());

    public LocalCaSource Source { get; } = new(new CaStore(stateDirectory, new PemFileReader(), new AtomicFileWriter()),
        new CertificateStore(stateDirectory, new PemFileReader(), new AtomicFileWriter()),
        new CaCertificateFactory(), new LeafCertificateFactory(), new RenewalPolicyFactory(time), time);

    public async Task<Ensured> EnsureAsync(LeafCertificateRequest request, CancellationToken cancellationToken)
    {
        var work = Work(request);
        var stored = _store.Read(request.Name);
        var reason = await Source.DueAsync(work, stored, ObservationScope.Full, cancellationToken);
        return reason is null ? new Ensured(stored.Certificate!, null) : new Ensured(await Source.IssueAsync(work, cancellationToken), reason);
    }

    private CertificateWork Work(LeafCertificateRequest request) => new(
        new Certificate { Name = request.Name, Issuer = "local", Domains = new(request.Domains), KeyType = request.KeyAlgorithm, Lifetime = request.Lifetime },
        new CertificateIssuer
        {
            Name = "local",
            Type = IssuerType.LocalCa,
            KeyType = options.KeyAlgorithm,
            PermittedDns = new(options.NameConstraints?.PermittedDnsSubtrees ?? []),
            PermittedIp = new((options.NameConstraints?.PermittedIpRanges ?? []).Select(n => n.ToString())),
        });
}

/// <summary>The certificate that serves, and why it was issued now (null: the stored one was still good).</summary>
public sealed record Ensured(StoredCertificate Certificate, RenewalReason? IssuedBecause)
{
    public bool WasIssued => IssuedBecause is not null;
}
