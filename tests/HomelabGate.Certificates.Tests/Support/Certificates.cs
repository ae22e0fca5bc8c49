using HomelabGate.Core.Desired;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Tests.Support;

/// <summary>In-memory CAs and leaves for tests that need certificates but no state directory.</summary>
public sealed class Certificates : IDisposable
{
    private readonly CaCertificateFactory _ca = new();
    private readonly PrivateKey _rootKey = PrivateKey.Generate(KeyType.EcdsaP256);

    public Certificates(DateTimeOffset now)
    {
        Now = now;
        Root = _ca.CreateRoot(_rootKey, now, TimeSpan.FromDays(3650));
        Intermediate = _ca.CreateIntermediate(Root, _rootKey, IntermediateKey, null, now, TimeSpan.FromDays(1095));
    }

    public DateTimeOffset Now { get; }
    public X509Certificate2 Root { get; }
    public PrivateKey IntermediateKey { get; } = PrivateKey.Generate(KeyType.EcdsaP256);
    public X509Certificate2 Intermediate { get; }

    /// <summary>Another intermediate under the same root, as after a rotation.</summary>
    public X509Certificate2 NewIntermediate() =>
        _ca.CreateIntermediate(Root, _rootKey, PrivateKey.Generate(KeyType.EcdsaP256), null, Now, TimeSpan.FromDays(1095));

    public StoredCertificate Leaf(string[] domains, TimeSpan? lifetime = null, PrivateKey? key = null)
    {
        key ??= PrivateKey.Generate(KeyType.EcdsaP256);
        var leaf = new LeafCertificateFactory().Create(Intermediate, IntermediateKey, key, SubjectNames.Parse(domains),
            Now, Now + (lifetime ?? TimeSpan.FromDays(90)));
        return new StoredCertificate("test", leaf, [Intermediate], key, null);
    }

    public void Dispose()
    {
        _rootKey.Dispose();
        IntermediateKey.Dispose();
    }
}
