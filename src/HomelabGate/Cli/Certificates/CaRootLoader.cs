using HomelabGate.Certificates.Storage;

namespace HomelabGate.Cli.Certificates;

/// <summary>The local CA's root certificate from a CA store (a state directory's <c>ca/root.pem</c>, or etcd's in a
/// cluster), or why it cannot be had. Only the certificate is read: nothing here touches the root key.</summary>
public sealed class CaRootLoader(PemFileReader reader)
{
    public CaRootLookup Load(string stateDirectory) => Load(new CaStore(stateDirectory, reader, new AtomicFileWriter()));

    public static CaRootLookup Load(CaStore store)
    {
        try
        {
            return store.HasRoot
                ? CaRootLookup.Found(store.LoadRoot())
                : CaRootLookup.Missing(
                    $"there is no local CA in '{Path.GetDirectoryName(store.RootCertificatePath)}' yet: run gate apply or gate run first " +
                    "(the CA is created with the first certificate a local-ca issuer signs)");
        }
        catch (CertificateStoreException e)
        {
            return CaRootLookup.Missing(e.Message);
        }
    }
}
