using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Protocol;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Orders;

/// <summary>Obtains one certificate by DNS-01, start to finish: account, order, TXT records, validation,
/// finalize, download. Every TXT value it publishes is removed again, also on failure or cancellation.</summary>
public sealed class AcmeOrderRunner
{
    private readonly AcmeClient _client;
    private readonly AcmeOrderOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly StatusPoller _poller;

    /// <param name="log">Receives progress and cleanup warnings; messages never contain keys or secrets.</param>
    public AcmeOrderRunner(AcmeClient client, AcmeOrderOptions options, TimeProvider timeProvider, Action<string>? log = null)
    {
        _client = client;
        _options = options;
        _time = timeProvider;
        _log = log ?? (_ => { });
        _poller = new StatusPoller(timeProvider, options);
    }

    public async Task<IssuedCertificate> OrderAsync(AcmeOrderRequest request, IDns01Solver solver, IDnsPropagationCheck propagation, CancellationToken cancellationToken)
    {
        if (_client.AccountUrl is null)
        {
            var account = await _client.RegisterAccountAsync(_options.Account, cancellationToken);
            _log($"{(account.Created ? "created" : "using")} ACME account {account.Url}");
        }
        var order = await _client.NewOrderAsync(request.Domains, cancellationToken);
        _log($"order {order.Url} for {string.Join(", ", request.Domains)} is {Lower(order.Status)}");

        if (order.Status == AcmeStatus.Pending)
        {
            await AuthorizeAsync(order, solver, propagation, cancellationToken);
            order = await _poller.UntilAsync("the order " + order.Url, ct => _client.GetOrderAsync(order.Url, ct),
                s => s is not AcmeStatus.Pending, _options.ValidationTimeout, cancellationToken);
        }
        if (order.Status != AcmeStatus.Ready)
        {
            throw order.Status == AcmeStatus.Invalid
                ? ValidationFailure.OrderFailed(order)
                : new AcmeException($"the order {order.Url} is {Lower(order.Status)} before we finalized it; its certificate key is not ours, so it cannot be used");
        }

        using var key = CertificateKeys.Create(request.KeyAlgorithm);
        order = await _client.FinalizeAsync(order, CsrBuilder.Build(request.Domains, key), cancellationToken);
        order = await _poller.UntilAsync("the order " + order.Url, ct => _client.GetOrderAsync(order.Url, ct),
            s => s is AcmeStatus.Valid or AcmeStatus.Invalid, _options.IssuanceTimeout, cancellationToken);
        if (order.Status != AcmeStatus.Valid || order.Certificate is null)
        {
            throw ValidationFailure.OrderFailed(order);
        }

        var download = await new ChainSelector(_client).SelectAsync(order.Certificate, request.PreferredChainIssuer, cancellationToken);
        var issued = IssuedCertificateReader.Read(download, key, order, request.Domains);
        _log($"issued {issued}");
        return issued;
    }

    private async Task AuthorizeAsync(AcmeOrder order, IDns01Solver solver, IDnsPropagationCheck propagation, CancellationToken cancellationToken)
    {
        var todo = new List<(AcmeAuthorization Authorization, AcmeChallenge Challenge, Dns01Challenge Record)>();
        foreach (var url in order.Authorizations)
        {
            var authorization = await _client.GetAuthorizationAsync(url, cancellationToken);
            if (authorization.Status == AcmeStatus.Valid)
            {
                // CAs reuse recent validations (pebble does half the time): nothing to publish.
                _log($"authorization for {authorization.RequestedName} is already valid");
                continue;
            }
            if (authorization.Status != AcmeStatus.Pending)
            {
                throw new AcmeException($"the authorization for {authorization.RequestedName} is {Lower(authorization.Status)}; start a new order");
            }
            var challenge = authorization.Challenges.FirstOrDefault(c => c.Type == AcmeChallenge.Dns01)
                ?? throw new AcmeException($"the CA offers no dns-01 challenge for {authorization.RequestedName}");
            todo.Add((authorization, challenge, KeyAuthorization.Dns01(authorization, challenge, _client.AccountKey.Jwk)));
        }

        await using var session = new Dns01Session(solver, propagation, _options, _time, _log);
        // All values first: apex and wildcard share one record name and the CA must see both.
        foreach (var item in todo)
        {
            await session.PresentAsync(item.Record, cancellationToken);
        }
        foreach (var item in todo)
        {
            await session.WaitUntilVisibleAsync(item.Record, cancellationToken);
        }
        foreach (var item in todo)
        {
            await _client.RespondToChallengeAsync(item.Challenge.Url, cancellationToken);
        }
        foreach (var item in todo)
        {
            var settled = await _poller.UntilAsync($"the authorization for {item.Authorization.RequestedName}",
                ct => _client.GetAuthorizationAsync(item.Authorization.Url, ct),
                s => s is not AcmeStatus.Pending and not AcmeStatus.Processing, _options.ValidationTimeout, cancellationToken);
            if (settled.Status != AcmeStatus.Valid)
            {
                throw ValidationFailure.Describe(settled, item.Record);
            }
            _log($"validated {item.Authorization.RequestedName}");
        }
    }

    private static string Lower(AcmeStatus status) => status.ToString().ToLowerInvariant();
}
