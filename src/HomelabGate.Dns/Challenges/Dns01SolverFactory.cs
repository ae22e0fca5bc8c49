using System.Net;
using HomelabGate.Core.Challenges;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Net;
using HomelabGate.Core.Secrets;
using HomelabGate.Dns.Challenges.Cloudflare;
using HomelabGate.Dns.Rfc2136;

namespace HomelabGate.Dns.Challenges;

/// <summary>The solver an issuer's <c>dns01.provider</c> names, and its propagation check: the servers the manifest lists
/// in <c>dns01.resolvers</c>, else the RFC 2136 primary — never the system resolver, which may cache a negative answer for
/// minutes or be a split-horizon resolver the CA never sees.</summary>
public sealed class Dns01SolverFactory(Rfc2136ClientFactory rfc2136, ISecretResolver secrets, TimeProvider time, HttpClient http) : IDns01SolverFactory
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    public Dns01Solution Create(Dns01Settings settings) => new(Solver(settings), Propagation(settings));

    private IDns01Solver Solver(Dns01Settings settings)
    {
        switch (settings.Provider)
        {
            case Dns01ProviderType.Rfc2136:
                var zone = settings.Zone ?? throw new InvalidOperationException("dns01.zone is required for the rfc2136 provider (the zone that holds _acme-challenge records)");
                var server = settings.Server ?? throw new InvalidOperationException("dns01.server is required for the rfc2136 provider");
                return new Rfc2136Dns01Solver(rfc2136.Create(server, zone, settings.Tsig));
            case Dns01ProviderType.Exec:
                var command = settings.Command ?? throw new InvalidOperationException("dns01.command is required for the exec provider");
                return new ExecDns01Solver(new ExecSolverOptions(command, TimeSpan.FromMinutes(2)));
            case Dns01ProviderType.Cloudflare:
                var options = new CloudflareOptions(CloudflareOptions.DefaultBaseAddress, SecretReferences.Require(settings.ApiToken, "dns01.apiToken"), settings.Zone);
                return new CloudflareDns01Solver(new CloudflareClient(http, options, secrets), options);
            default:
                throw new ArgumentOutOfRangeException(nameof(settings), settings.Provider, "unknown DNS-01 provider");
        }
    }

    private IDnsPropagationCheck Propagation(Dns01Settings settings)
    {
        IReadOnlyList<string> servers = settings.Resolvers.Count > 0 ? settings.Resolvers : settings.Server is { } primary ? [primary] : [];
        var endpoints = servers.Select(Endpoint).ToList();
        return endpoints.Count == 0 ? new NoPropagationCheck() : new AuthoritativePropagationCheck(endpoints, time, PollInterval);
    }

    private static IPEndPoint Endpoint(string server)
    {
        var at = HostPort.Parse(server, Rfc2136ClientFactory.DefaultPort);
        return new IPEndPoint(at.Address ?? throw new FormatException($"'{server}' is not an IP address"), at.Port);
    }

    /// <summary>No servers to ask (Cloudflare or exec without resolvers): the CA's own retries cover propagation.</summary>
    private sealed class NoPropagationCheck : IDnsPropagationCheck
    {
        public Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken) => Task.FromResult(true);
    }
}
