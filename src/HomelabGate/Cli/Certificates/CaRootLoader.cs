using HomelabGate.Certificates.Storage;

namespace HomelabGate.Cli.Certificates;

/// <summary>The local CA's root certificate from <c>stateDir/ca/root.pem</c>, or why it cannot be had. Only the
/// certificate is read: nothing here touches the root key.</summary>
public sealed class CaRootLoader(PemFileReader reader)
{
    public CaRootLookup Load(string stateDirectory)
    {
        var path = new CaStore(stateDirectory, reader, new AtomicFileWriter()).RootCertificatePath;
        if (!File.Exists(path))
        {
            return CaRootLookup.Missing(
                $"there is no local CA in '{Path.GetDirectoryName(path)}' yet: run gate apply or gate run first " +
                "(the CA is created with the first certificate a local-ca issuer signs)");
        }
        try
        {
            return CaRootLookup.Found(reader.ReadCertificates(path)[0]);
        }
        catch (CertificateStoreException e)
        {
            return CaRootLookup.Missing(e.Message);
        }
    }
}
