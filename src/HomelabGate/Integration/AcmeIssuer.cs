using System.Net;
using HomelabGate.Acme.Accounts;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Http;
using HomelabGate.Acme.Jws;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Protocol;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Reconciling;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Renewal.Rules;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Challenges;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Dns.Challenges;
using HomelabGate.Dns.Challenges.Cloudflare;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Integration;

/// <summary>Issues and renews certificates from an ACME CA through DNS-01. The renewal policy decides (missing, names or
/// key type changed, expired); then, for a certificate that is otherwise fine, the CA's RFC 9773 renewal window when its
/// directory offers renewalInfo, else one third of the lifetime left (a manifest's renewBefore applies either way).
/// Failures back off exponentially and the stored certificate keeps serving until a new one is in hand.</summary>
/// <remarks>newOrder carries no <c>replaces</c> field (RFC 9773 §5): <see cref="AcmeClient.NewOrderAsync"/> does not support it yet.</remarks>
public sealed partial class AcmeIssuer(string stateDir, ISecretResolver secrets, TimeProvider time, DnsProviderFactory dns, RetryBackoff backoff, ILogger<AcmeIssuer> logger,
    AcmeRenewalSchedule? schedule = null)
    : IExternalIssuer
{
    private readonly AcmeRenewalSchedule _schedule = schedule ?? new AcmeRenewalSchedule(time, Random.Shared, logger);

    public bool Handles(CertificateIssuer issuer) => issuer.Type == IssuerType.Acme && issuer.Acme is not null;

    public async Task<IssuanceResult> EnsureAsync(Certificate certificate, CertificateIssuer issuer, CertificateStore store, CancellationToken cancellationToken)
    {
        var settings = issuer.Acme!;
        var stored = store.Read(certificate.Name);
        var request = new LeafCertificateRequest(certificate.Name, certificate.Domains) { KeyAlgorithm = Algorithm(certificate.KeyType) };
        var reason = await DecideAsync(settings, new RenewalContext(request, stored, null), cancellationToken);
        if (reason is null)
        {
            return new IssuanceResult(stored.Certificate!, null);
        }
        backoff.ThrowIfWaiting(certificate.Name);
        LogOrdering(logger, certificate.Name, string.Join(", ", certificate.Domains), reason.Message);
        try
        {
            var issued = await OrderAsync(certificate, settings, cancellationToken);
            var saved = ToStored(certificate.Name, issued, request.KeyAlgorithm);
            await store.SaveAsync(saved, cancellationToken);
            backoff.Succeeded(certificate.Name);
            return new IssuanceResult(saved, reason);
        }
        catch (AcmeException e)
        {
            backoff.Failed(certificate.Name, e.Message, e.RetryAfter);
            throw;
        }
    }

    private async Task<IssuedCertificate> OrderAsync(Certificate certificate, AcmeSettings settings, CancellationToken cancellationToken)
    {
        var directory = new Uri(settings.Directory);
        using var handler = AcmeHttpHandler.Create(settings.CaBundle is { } bundle ? AcmeHttpHandler.LoadPemBundle(bundle) : null);
        using var http = new HttpClient(handler, disposeHandler: false);
        using var key = new AcmeAccountStore(Path.Combine(stateDir, "acme")).LoadOrCreate(directory);
        var client = new AcmeClient(http, new AcmeClientOptions { DirectoryUrl = directory }, key, time);
        var account = new AcmeAccountOptions
        {
            Contact = settings.Email is { } email ? [$"mailto:{email}"] : [],
            ExternalAccountBinding = settings.EabKid is { } kid && SecretReference.TryParse(settings.EabHmacKey, out var mac)
                ? ExternalAccountBinding.FromBase64Url(kid, secrets.Resolve(mac))
                : null,
        };
        var options = new AcmeOrderOptions { Account = account, PropagationTimeout = settings.Dns01.PropagationTimeout ?? TimeSpan.FromMinutes(2) };
        var runner = new AcmeOrderRunner(client, options, time, line => LogProgress(logger, certificate.Name, line));
        var order = new AcmeOrderRequest(certificate.Domains, certificate.KeyType == KeyType.EcdsaP256 ? Acme.Keys.KeyAlgorithm.EcdsaP256 : Acme.Keys.KeyAlgorithm.Rsa2048,
            settings.PreferredChain);
        return await runner.OrderAsync(order, Solver(settings.Dns01), Propagation(settings.Dns01), cancellationToken);
    }

    private IDns01Solver Solver(Dns01Settings dns01) => dns01.Provider switch
    {
        "rfc2136" => new Rfc2136Dns01Solver(dns.Rfc2136(dns01.Server!, dns01.Zone!, dns01.TsigName, dns01.TsigAlgorithm, dns01.TsigSecret)),
        "exec" => new ExecDns01Solver(new ExecSolverOptions(dns01.Command!, TimeSpan.FromMinutes(2))),
        _ => new CloudflareDns01Solver(
            new CloudflareClient(new HttpClient(), Cloudflare(dns01), secrets), Cloudflare(dns01)),
    };

    private static CloudflareOptions Cloudflare(Dns01Settings dns01) => new(CloudflareOptions.DefaultBaseAddress,
        SecretReference.TryParse(dns01.ApiToken, out var token) ? token : throw new InvalidOperationException("dns01.apiToken must be a secret reference"), dns01.Zone);

    /// <summary>Asks the servers the manifest names, else the RFC 2136 primary: never the system resolver, which may
    /// cache a negative answer for minutes or be a split-horizon resolver that the CA never sees.</summary>
    private IDnsPropagationCheck Propagation(Dns01Settings dns01)
    {
        IReadOnlyList<string> servers = dns01.Resolvers.Count > 0 ? dns01.Resolvers : dns01.Server is { } primary ? [primary] : [];
        var endpoints = servers.Select(Endpoint).ToList();
        return endpoints.Count == 0 ? new NoPropagationCheck() : new AuthoritativePropagationCheck(endpoints, time, TimeSpan.FromMilliseconds(500));
    }

    private static IPEndPoint Endpoint(string server) =>
        IPEndPoint.TryParse(server, out var endpoint) ? (endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 53) : endpoint) : new IPEndPoint(IPAddress.Parse(server), 53);

    /// <summary>Null when the stored certificate can keep serving. The CA is asked about timing (ARI) only for a stored ACME
    /// certificate the other rules accept.</summary>
    internal async Task<RenewalReason?> DecideAsync(AcmeSettings settings, RenewalContext context, CancellationToken cancellationToken)
    {
        var policy = new RenewalPolicy(
        [
            new MissingRule(), new UnreadableRule(), new KeyDoesNotMatchCertificateRule(), new KeyAlgorithmDiffersRule(),
            new SubjectAlternativeNamesDifferRule(), new ExpiredRule(time),
        ]);
        if (policy.Evaluate(context) is { } reason)
        {
            return reason;
        }
        var stored = context.Certificate;
        var ari = stored.Metadata is { Source: not CertificateSource.Acme } ? null : await _schedule.RuleAsync(settings, stored, cancellationToken);
        var nearing = new NearingExpiryRule(time, new RenewalWindow(Before: settings.RenewBefore));
        IReadOnlyList<IRenewalRule> timing = ari is null ? [nearing] : settings.RenewBefore is null ? [ari] : [ari, nearing];
        return new RenewalPolicy(timing).Evaluate(context);
    }

    private StoredCertificate ToStored(string name, IssuedCertificate issued, Certificates.Keys.KeyAlgorithm algorithm)
    {
        var leaf = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(issued.CertificatePem);
        var chain = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        chain.ImportFromPem(issued.ChainPem);
        var metadata = new CertificateMetadata(name, issued.Domains, algorithm, CertificateSource.Acme, time.GetUtcNow());
        return new StoredCertificate(name, leaf, [.. chain], PrivateKey.FromPem(issued.PrivateKeyPem), metadata);
    }

    private static Certificates.Keys.KeyAlgorithm Algorithm(KeyType type) => type switch
    {
        KeyType.Rsa2048 => Certificates.Keys.KeyAlgorithm.Rsa2048,
        KeyType.Rsa3072 => Certificates.Keys.KeyAlgorithm.Rsa3072,
        _ => Certificates.Keys.KeyAlgorithm.EcdsaP256,
    };

    [LoggerMessage(20, LogLevel.Information, "Ordering certificate {Name} ({Domains}) from the ACME CA: {Reason}")]
    private static partial void LogOrdering(ILogger logger, string name, string domains, string reason);

    [LoggerMessage(21, LogLevel.Debug, "ACME {Name}: {Line}")]
    private static partial void LogProgress(ILogger logger, string name, string line);

    private sealed class NoPropagationCheck : IDnsPropagationCheck
    {
        public Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
