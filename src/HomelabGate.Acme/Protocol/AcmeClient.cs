using System.Net;
using System.Text;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Http;
using HomelabGate.Acme.Jws;
using HomelabGate.Acme.Keys;

namespace HomelabGate.Acme.Protocol;

/// <summary>Speaks RFC 8555 for one account key: one method per ACME resource operation, no orchestration
/// (that is <see cref="Orders.AcmeOrderRunner"/>'s job). The <see cref="HttpClient"/> decides whom to trust;
/// build its handler with <see cref="AcmeHttpHandler.Create"/>.</summary>
public sealed class AcmeClient
{
    private const string PemChain = "application/pem-certificate-chain";
    private readonly AcmeClientOptions _options;
    private readonly AcmeHttp _http;
    private readonly SignedPoster _poster;
    private readonly TimeProvider _time;
    private AcmeDirectory? _directory;

    public AcmeClient(HttpClient httpClient, AcmeClientOptions options, AccountKey accountKey, TimeProvider? timeProvider = null)
    {
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        var nonces = new NonceSource();
        _http = new AcmeHttp(httpClient, options, nonces, _time);
        _poster = new SignedPoster(_http, nonces, new JwsSigner(accountKey), options.MaxBadNonceRetries);
        AccountKey = accountKey;
    }

    public AccountKey AccountKey { get; }

    /// <summary>The account URL ("kid") once <see cref="RegisterAccountAsync"/> or <see cref="FindAccountAsync"/> succeeded.</summary>
    public Uri? AccountUrl { get; private set; }

    public async Task<AcmeDirectory> GetDirectoryAsync(CancellationToken cancellationToken)
    {
        if (_directory is null)
        {
            var response = await _http.SendAsync(HttpMethod.Get, _options.DirectoryUrl, null, null, cancellationToken);
            _directory = AcmeJson.Deserialize<AcmeDirectory>(response.Body, "directory", _options.DirectoryUrl);
        }
        return _directory;
    }

    /// <summary>Creates the account, or finds it when this key is already registered (the CA answers 200 instead of 201).</summary>
    public async Task<AcmeAccount> RegisterAccountAsync(AcmeAccountOptions account, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken);
        if (directory.Meta?.ExternalAccountRequired == true && account.ExternalAccountBinding is null)
        {
            throw new AcmeException($"the CA at {_options.DirectoryUrl} requires an external account binding; set the EAB key id and MAC key it gave you");
        }
        var payload = JwsJson.Object(w =>
        {
            w.WriteBoolean("termsOfServiceAgreed", account.TermsOfServiceAgreed);
            w.WriteStartArray("contact");
            foreach (var contact in account.Contact)
            {
                w.WriteStringValue(contact);
            }
            w.WriteEndArray();
            if (account.ExternalAccountBinding is { } eab)
            {
                w.WritePropertyName("externalAccountBinding");
                w.WriteRawValue(eab.Sign(AccountKey.Jwk, directory.NewAccount));
            }
        });
        return await PostNewAccountAsync(directory, payload, cancellationToken);
    }

    /// <summary>Looks the account up by key without creating one (RFC 8555 §7.3.1 onlyReturnExisting).</summary>
    public async Task<AcmeAccount> FindAccountAsync(CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken);
        return await PostNewAccountAsync(directory, Encoding.UTF8.GetBytes("""{"onlyReturnExisting":true}"""), cancellationToken);
    }

    public async Task<AcmeOrder> NewOrderAsync(IEnumerable<string> domains, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken);
        var payload = AcmeJson.Serialize(new AcmeNewOrder([.. domains.Select(AcmeIdentifier.Dns)]));
        var response = await PostAsync(directory.NewOrder, payload, null, cancellationToken);
        var location = response.Location ?? throw new AcmeException($"the CA's newOrder answer from {directory.NewOrder} has no Location header");
        return ReadOrder(response, location);
    }

    public async Task<AcmeOrder> GetOrderAsync(Uri orderUrl, CancellationToken cancellationToken) =>
        ReadOrder(await PostAsync(orderUrl, null, null, cancellationToken), orderUrl);

    public async Task<AcmeAuthorization> GetAuthorizationAsync(Uri authorizationUrl, CancellationToken cancellationToken)
    {
        var response = await PostAsync(authorizationUrl, null, null, cancellationToken);
        return AcmeJson.Deserialize<AcmeAuthorization>(response.Body, "authorization", authorizationUrl) with
        {
            Url = authorizationUrl,
            RetryAfter = RetryAfter.From(response.RetryAfter, _time.GetUtcNow()),
        };
    }

    /// <summary>Tells the CA the challenge is ready to validate. The body is exactly <c>{}</c> (pebble -strict insists).</summary>
    public async Task<AcmeChallenge> RespondToChallengeAsync(Uri challengeUrl, CancellationToken cancellationToken)
    {
        var response = await PostAsync(challengeUrl, "{}"u8.ToArray(), null, cancellationToken);
        return AcmeJson.Deserialize<AcmeChallenge>(response.Body, "challenge", challengeUrl);
    }

    public async Task<AcmeOrder> FinalizeAsync(AcmeOrder order, byte[] csrDer, CancellationToken cancellationToken)
    {
        var payload = AcmeJson.Serialize(new AcmeFinalize(Base64Url.EncodeToString(csrDer)));
        return ReadOrder(await PostAsync(order.Finalize, payload, null, cancellationToken), order.Url);
    }

    public async Task<AcmeCertificateDownload> DownloadCertificateAsync(Uri certificateUrl, CancellationToken cancellationToken)
    {
        var response = await PostAsync(certificateUrl, null, PemChain, cancellationToken);
        var pem = Encoding.UTF8.GetString(response.Body);
        if (!pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            throw new AcmeException($"the CA at {certificateUrl} sent no PEM certificate chain (content type {response.ContentType ?? "none"})");
        }
        return new AcmeCertificateDownload(certificateUrl, pem, response.AlternateLinks);
    }

    /// <summary>RFC 9773 renewal information: an unauthenticated GET of renewalInfo/&lt;certID&gt;; null when the CA has no ARI.</summary>
    public async Task<Renewal.AcmeRenewalWindow?> GetRenewalInfoAsync(string certificateId, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken);
        if (directory.RenewalInfo is null)
        {
            return null;
        }
        var url = new Uri(directory.RenewalInfo.AbsoluteUri.TrimEnd('/') + "/" + certificateId);
        var response = await _http.SendAsync(HttpMethod.Get, url, null, null, cancellationToken);
        return Renewal.AcmeRenewalInfo.ParseWindow(response.Body, RetryAfter.From(response.RetryAfter, _time.GetUtcNow()), url);
    }

    private async Task<AcmeAccount> PostNewAccountAsync(AcmeDirectory directory, byte[] payload, CancellationToken cancellationToken)
    {
        var response = await _poster.PostAsync(directory.NewAccount, directory.NewNonce, null, payload, null, cancellationToken);
        var url = response.Location ?? throw new AcmeException($"the CA's newAccount answer from {directory.NewAccount} has no Location header");
        var account = AcmeJson.Deserialize<AcmeAccount>(response.Body, "account", directory.NewAccount) with
        {
            Url = url,
            Created = response.Status == HttpStatusCode.Created,
        };
        if (account.Status != AcmeStatus.Valid)
        {
            throw new AcmeException($"the ACME account {url} is {account.Status.ToString().ToLowerInvariant()} at the CA; create a new account key");
        }
        AccountUrl = url;
        return account;
    }

    private async Task<AcmeResponse> PostAsync(Uri url, byte[]? payload, string? accept, CancellationToken cancellationToken)
    {
        var directory = await GetDirectoryAsync(cancellationToken);
        var kid = AccountUrl ?? throw new InvalidOperationException("register or find the account before other requests");
        return await _poster.PostAsync(url, directory.NewNonce, kid, payload, accept, cancellationToken);
    }

    private AcmeOrder ReadOrder(AcmeResponse response, Uri orderUrl) =>
        AcmeJson.Deserialize<AcmeOrder>(response.Body, "order", orderUrl) with
        {
            Url = orderUrl,
            RetryAfter = RetryAfter.From(response.RetryAfter, _time.GetUtcNow()),
        };
}
