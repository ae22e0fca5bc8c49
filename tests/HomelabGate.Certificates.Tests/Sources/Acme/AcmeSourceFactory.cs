using HomelabGate.Acme.Accounts;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Sources.Acme;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Challenges;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Certificates.Tests.Sources.Acme;

/// <summary>An <see cref="AcmeSource"/> on a state directory, with its renewal schedule's HTTP replaceable, for tests
/// that ask it only when a certificate is due (no order is placed, so no DNS-01 solver is needed).</summary>
internal static class AcmeSourceFactory
{
    public static (AcmeSource Source, ListLogger<AcmeRenewalSchedule> Log) Create(string stateDir, TimeProvider time, Func<AcmeSettings, HttpMessageHandler>? handlers)
    {
        var log = new ListLogger<AcmeRenewalSchedule>();
        var store = new CertificateStore(stateDir, new PemFileReader(), new AtomicFileWriter());
        var source = new AcmeSource(store, new AcmeAccountStore(Path.Combine(stateDir, "acme")), new NoSolvers(), new RenewalPolicyFactory(time),
            new AcmeRenewalSchedule(time, log, handlers), new EnvironmentAndFileSecretResolver(), time, new ListLogger<AcmeSource>());
        return (source, log);
    }

    private sealed class NoSolvers : IDns01SolverFactory
    {
        public Dns01Solution Create(Dns01Settings settings) => throw new InvalidOperationException("these tests never order");
    }
}
