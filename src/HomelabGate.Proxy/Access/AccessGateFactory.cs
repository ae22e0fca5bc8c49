using System.Net;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Proxy.Access;

/// <summary>Prepares an <see cref="AccessGate"/> from a desired access list; secret references to hashes are read here,
/// once per reload, never per request.</summary>
public sealed class AccessGateFactory(ISecretResolver secrets, TimeProvider time, IPasswordVerifier verifier)
{
    public AccessGate Create(AccessList list, IEnumerable<string> trustedProxies)
    {
        var hashes = list.Users.ToDictionary(u => u.Name,
            u => SecretReference.TryParse(u.Credential, out var reference) ? secrets.Resolve(reference).Trim() : u.Credential, StringComparer.Ordinal);
        var authenticator = hashes.Count == 0 ? null : new BasicAuthenticator(hashes, list.Realm, time, verifier);
        var proxies = trustedProxies.SelectMany(AccessGate.Parse).ToList();
        return new AccessGate(AccessGate.Rules(list.Rules), authenticator, list.RequireAll, list.PassAuthorization, new ClientAddressResolver(proxies));
    }
}
