using System.Net;
using HomelabGate.Core.Desired;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Access;

/// <summary>One access list, prepared for the request path. IP rules: first match wins; when allow rules exist and none
/// matched, the client is denied (NPM's implicit "deny all"). With users, a valid basic-auth login is needed.
/// <c>satisfy: any</c> lets either pass; <c>all</c> needs both.</summary>
public sealed class AccessGate(
    IReadOnlyList<(bool Allow, IPNetwork Network)> rules,
    BasicAuthenticator? authenticator,
    bool requireAll,
    bool passAuthorization,
    ClientAddressResolver clientAddress)
{
    /// <summary>Synchronous unless a new login's password hash must be checked.</summary>
    public ValueTask<AccessDenial?> CheckAsync(HttpContext context)
    {
        var ipVerdict = rules.Count == 0 ? (bool?)null : IpAllowed(clientAddress.Resolve(context));
        if (authenticator is null)
        {
            return ValueTask.FromResult(Decide(context, ipVerdict, null));
        }
        var pending = authenticator.AuthenticateAsync(context.Request.Headers.Authorization);
        return pending.IsCompletedSuccessfully
            ? ValueTask.FromResult(Decide(context, ipVerdict, pending.Result))
            : AwaitAsync(context, ipVerdict, pending);
    }

    private async ValueTask<AccessDenial?> AwaitAsync(HttpContext context, bool? ipVerdict, ValueTask<bool> pending) =>
        Decide(context, ipVerdict, await pending.ConfigureAwait(false));

    private AccessDenial? Decide(HttpContext context, bool? ipVerdict, bool? authVerdict)
    {
        var allowed = (ipVerdict, authVerdict) switch
        {
            (null, null) => true,
            (null, { } auth) => auth,
            ({ } ip, null) => ip,
            ({ } ip, { } auth) => requireAll ? ip && auth : ip || auth,
        };
        if (allowed)
        {
            if (authenticator is not null && !passAuthorization)
            {
                context.Request.Headers.Authorization = default;
            }
            return null;
        }
        // A password can only help if the IP rules would not refuse anyway.
        var passwordWouldHelp = authenticator is not null && authVerdict == false && !(requireAll && ipVerdict == false);
        return passwordWouldHelp ? AccessDenial.Unauthorized(authenticator!.Challenge) : AccessDenial.Forbidden;
    }

    private bool IpAllowed(IPAddress? address)
    {
        if (address is null)
        {
            return false;
        }
        foreach (var (allow, network) in rules)
        {
            if (network.BaseAddress.AddressFamily == address.AddressFamily && network.Contains(address))
            {
                return allow;
            }
        }
        return !rules.Any(r => r.Allow);
    }

    public static IEnumerable<IPNetwork> Parse(string cidr) => cidr switch
    {
        "all" => [IPNetwork.Parse("0.0.0.0/0"), IPNetwork.Parse("::/0")],
        _ when cidr.Contains('/') => [IPNetwork.Parse(cidr)],
        _ => [new IPNetwork(IPAddress.Parse(cidr), IPAddress.Parse(cidr).AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128)],
    };

    public static IReadOnlyList<(bool, IPNetwork)> Rules(IEnumerable<IpRule> rules) =>
        rules.SelectMany(r => Parse(r.Cidr).Select(n => (r.Allow, n))).ToList();
}
