using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Validation.Rules;

/// <summary><c>settings.cluster</c>: etcd endpoints are http(s) URLs (https with tls), a client certificate comes with
/// its key, a user with a password, the lease lasts 2 s to 5 min, and the encryption key is 32 bytes of base64 — checked
/// by reading the reference when it can be read (a key that cannot be read now is a warning: CI validates without it).</summary>
public sealed class ClusterRule(ISecretResolver secrets) : IManifestRule
{
    private const string Path = "settings.cluster";

    public ClusterRule() : this(new EnvironmentAndFileSecretResolver())
    {
    }

    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        if (manifest.Spec.Settings.Cluster is not { } cluster)
        {
            return [];
        }
        var map = manifest.Map;
        var found = new List<Diagnostic>();
        void Error(string path, string message, string hint) => found.Add(Diagnostic.Error(DiagnosticCodes.ClusterSettings, message, map.Value(path), hint));
        var tls = cluster.Etcd?.Tls;
        foreach (var (endpoint, i) in (cluster.Etcd?.Endpoints ?? []).Select((e, i) => (e, i)))
        {
            if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !HasPort(endpoint))
            {
                Error($"{Path}.etcd.endpoints[{i}]", $"'{endpoint}' is not an etcd endpoint", "write a client URL with its port, e.g. http://10.0.0.1:2379");
            }
            else if (uri.Scheme == "http" && tls is not null)
            {
                Error($"{Path}.etcd.endpoints[{i}]", $"'{endpoint}' is plain http, but etcd.tls is set", "use https:// endpoints with tls, or drop tls");
            }
        }
        if (tls is not null && (tls.Cert is null) != (tls.Key is null))
        {
            Error($"{Path}.etcd.tls", "a client certificate needs its key (tls.cert and tls.key go together)", "set both, or neither");
        }
        if ((cluster.Etcd?.Username is null) != (cluster.Etcd?.Password is null))
        {
            Error($"{Path}.etcd", "etcd.username and etcd.password go together", "set both (the password as a ${file:…} or ${env:…} reference), or neither");
        }
        if (Duration.Parse(cluster.LeaseTtl) is { } ttl && (ttl < TimeSpan.FromSeconds(2) || ttl > TimeSpan.FromMinutes(5)))
        {
            Error($"{Path}.leaseTtl", $"leaseTtl {cluster.LeaseTtl} is outside 2s…5m", "10s is a good default: a follower takes over within it");
        }
        if (SecretReference.TryParse(cluster.EncryptionKey, out var reference))
        {
            CheckKey(reference, map.Value($"{Path}.encryptionKey"), found);
        }
        return found;
    }

    private void CheckKey(SecretReference reference, SourceLocation at, List<Diagnostic> found)
    {
        string text;
        try
        {
            text = secrets.Resolve(reference);
        }
        catch (SecretUnavailableException e)
        {
            found.Add(Diagnostic.Warning(DiagnosticCodes.ClusterSettings, $"settings.cluster.encryptionKey cannot be read here ({e.Message}); gate run will not start without it", at));
            return;
        }
        if (!EncryptionKey.TryDecode(text, out _, out var problem))
        {
            found.Add(Diagnostic.Error(DiagnosticCodes.ClusterSettings, $"settings.cluster.encryptionKey must be {EncryptionKey.Length} random bytes in base64: {problem}", at, EncryptionKey.Hint));
        }
    }

    private static bool HasPort(string endpoint) => endpoint.Split("://", 2)[^1].Split('/')[0].Contains(':');
}
