using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.LocalCa;

/// <summary>
/// Creates the CA once per state directory and loads it afterwards. The intermediate is replaced (signed by
/// the root, which does nothing else) when a third of its lifetime is left or the configured name
/// constraints changed; leaves then re-issue through the IssuerChanged rule. The root is never replaced
/// automatically: every device that trusts it would have to be visited again.
/// </summary>
public sealed class LocalCaProvider(CaStore store, CaCertificateFactory factory, LocalCaOptions options, TimeProvider time)
{
    public async Task<LocalCertificateAuthority> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        if (store.IsEmpty)
        {
            using var rootKey = PrivateKey.Generate(options.KeyAlgorithm);
            var root = factory.CreateRoot(rootKey, time.GetUtcNow(), options.RootLifetime);
            await store.SaveRootAsync(root, rootKey, cancellationToken);
        }

        if (!store.HasIntermediate)
        {
            await ReplaceIntermediateAsync(cancellationToken);
        }

        var authority = store.Load();
        if (IntermediateReplacementReason(authority.Intermediate) is not null)
        {
            authority.IntermediateKey.Dispose();
            await ReplaceIntermediateAsync(cancellationToken);
            authority = store.Load();
        }

        return authority;
    }

    /// <summary>Why the intermediate must be replaced before the next leaf is signed, or null when it can sign.</summary>
    public string? IntermediateReplacementReason(X509Certificate2 intermediate)
    {
        var notBefore = new DateTimeOffset(intermediate.NotBefore.ToUniversalTime());
        var notAfter = new DateTimeOffset(intermediate.NotAfter.ToUniversalTime());
        var due = notAfter - (notAfter - notBefore) / 3;
        if (time.GetUtcNow() >= due)
        {
            return $"a third of its lifetime is left (it expires at {notAfter:u})";
        }
        if (notBefore > time.GetUtcNow() + Renewal.Rules.NotYetValidRule.Slack)
        {
            return $"it is not valid until {notBefore:u} (was the clock wrong when it was made?)";
        }
        return Equals(NameConstraintsExtension.Read(intermediate), options.NameConstraints) ? null : "the name constraints changed";
    }

    private async Task ReplaceIntermediateAsync(CancellationToken cancellationToken)
    {
        var root = store.LoadRoot();
        using var rootKey = store.LoadRootKey();
        using var key = PrivateKey.Generate(options.KeyAlgorithm);
        var intermediate = factory.CreateIntermediate(root, rootKey, key, options.NameConstraints, time.GetUtcNow(), options.IntermediateLifetime);
        await store.SaveIntermediateAsync(intermediate, key, cancellationToken);
    }
}
