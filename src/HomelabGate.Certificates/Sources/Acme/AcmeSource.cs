using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Accounts;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Http;
using HomelabGate.Acme.Jws;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Protocol;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Challenges;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Engine;
using HomelabGate.Core.Secrets;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Certificates.Sources.Acme;

/// <summary>Certificates from an ACME CA through DNS-01. Due by the common rules (missing, names or key type changed,
/// expired, not yet valid); then, for a certificate that is otherwise fine, by the CA's RFC 9773 renewal window when its
/// directory offers renewalInfo, else at one third of the lifetime left (a manifest's <c>renewBefore</c> applies either
/// way). Issuing runs one order and stores the result atomically.</summary>
/// <remarks>newOrder carries no <c>replaces</c> field (RFC 9773 §5): <see cref="AcmeClient.NewOrderAsync"/> does not support it yet.</remarks>
public sealed partial class AcmeSource(
    CertificateStore store,
    AcmeAccountStore accounts,
    IDns01SolverFactory solvers,
    RenewalPolicyFactory policies,
    AcmeRenewalSchedule schedule,
    ISecretResolver secrets,
    TimeProvider time,
    ILogger<AcmeSource> logger) : ICertificateSource
{
    public CertificateOrigin Origin => CertificateOrigin.Acme;

    public async Task<RenewalReason?> DueAsync(CertificateWork work, StoredCertificateRead stored, ObservationScope scope, CancellationToken cancellationToken)
    {
        var settings = Settings(work);
        var context = new RenewalContext(work.Request, stored, null);
        if (policies.Create([]).Evaluate(context) is { } reason)
        {
            return reason;
        }
        var asked = scope == ObservationScope.Full && stored.Certificate!.Metadata is not { Source: not CertificateSource.Acme };
        var ari = asked ? await schedule.RuleAsync(settings, stored.Certificate!, cancellationToken) : null;
        IReadOnlyList<IRenewalRule> timing = ari is null ? [policies.ByLifetime(settings.RenewBefore)]
            : settings.RenewBefore is null ? [ari] : [ari, policies.ByLifetime(settings.RenewBefore)];
        return new RenewalPolicy(timing).Evaluate(context);
    }

    public async Task<StoredCertificate> IssueAsync(CertificateWork work, CancellationToken cancellationToken)
    {
        var settings = Settings(work);
        var certificate = work.Certificate;
        LogOrdering(logger, certificate.Name, string.Join(", ", certificate.Domains));
        try
        {
            var issued = await OrderAsync(certificate, settings, cancellationToken);
            var saved = ToStored(certificate.Name, issued, certificate.KeyType);
            await store.SaveAsync(saved, cancellationToken);
            LogIssued(logger, certificate.Name, saved.Leaf.NotAfter.ToUniversalTime());
            return saved;
        }
        catch (AcmeException e)
        {
            throw new CertificateIssueException(e.Message, e.RetryAfter, e);
        }
    }

    private async Task<IssuedCertificate> OrderAsync(Certificate certificate, AcmeSettings settings, CancellationToken cancellationToken)
    {
        var directory = new Uri(settings.Directory);
        using var handler = AcmeHttpHandler.Create(settings.CaBundle is { } bundle ? AcmeHttpHandler.LoadPemBundle(bundle) : null);
        using var http = new HttpClient(handler, disposeHandler: false);
        using var key = await accounts.LoadOrCreateAsync(directory, cancellationToken);
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
        var order = new AcmeOrderRequest(certificate.Domains, certificate.KeyType, settings.PreferredChain);
        var dns01 = solvers.Create(settings.Dns01);
        return await runner.OrderAsync(order, dns01.Solver, dns01.Propagation, cancellationToken);
    }

    private static AcmeSettings Settings(CertificateWork work) =>
        work.Issuer?.Acme ?? throw new CertificateIssueException($"issuer '{work.Issuer?.Name}' has no ACME settings");

    private StoredCertificate ToStored(string name, IssuedCertificate issued, KeyType keyType)
    {
        var leaf = X509Certificate2.CreateFromPem(issued.CertificatePem);
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(issued.ChainPem);
        var metadata = new CertificateMetadata(name, issued.Domains, keyType, CertificateSource.Acme, time.GetUtcNow());
        return new StoredCertificate(name, leaf, [.. chain], PrivateKey.FromPem(issued.PrivateKeyPem), metadata);
    }

    [LoggerMessage(20, LogLevel.Information, "Ordering certificate {Name} ({Domains}) from the ACME CA")]
    private static partial void LogOrdering(ILogger logger, string name, string domains);

    [LoggerMessage(21, LogLevel.Information, "ACME {Name}: {Line}")]
    private static partial void LogProgress(ILogger logger, string name, string line);

    [LoggerMessage(24, LogLevel.Information, "Certificate {Name} issued by the ACME CA; valid until {NotAfter:u}")]
    private static partial void LogIssued(ILogger logger, string name, DateTime notAfter);
}
