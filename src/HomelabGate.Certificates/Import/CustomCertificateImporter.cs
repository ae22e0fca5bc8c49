using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Storage;

namespace HomelabGate.Certificates.Import;

/// <summary>
/// Checks a user-supplied certificate before we serve it: a clear refusal now beats a browser error later.
/// Saving the result is the caller's choice (<see cref="CertificateStore.SaveAsync"/>).
/// </summary>
public sealed class CustomCertificateImporter(PemFileReader reader, TimeProvider time)
{
    public CustomCertificateImport Import(string name, CustomCertificatePaths paths)
    {
        var errors = new List<string>();
        var certificates = Try(() => reader.ReadCertificates(paths.CertificatePath), errors);
        var extraChain = paths.ChainPath is null ? [] : Try(() => reader.ReadCertificates(paths.ChainPath), errors);
        var key = Try(() => reader.ReadPrivateKey(paths.KeyPath), errors);
        if (certificates is null || certificates.Count == 0 || key is null || extraChain is null)
        {
            key?.Dispose();
            return new CustomCertificateImport(null, errors);
        }

        var leaf = certificates[0];
        IReadOnlyList<X509Certificate2> chain = [.. certificates.Skip(1), .. extraChain];
        if (!key.Matches(leaf))
        {
            errors.Add($"The key in '{paths.KeyPath}' does not belong to the certificate in '{paths.CertificatePath}' ({leaf.Subject}).");
        }

        CheckValidity(leaf, errors);
        CheckChainOrder(leaf, chain, errors);
        if (errors.Count > 0)
        {
            key.Dispose();
            return new CustomCertificateImport(null, errors);
        }

        var metadata = new CertificateMetadata(name, Issuing.SubjectNames.Of(leaf).All.ToArray(), key.Algorithm, CertificateSource.Custom, time.GetUtcNow());
        return new CustomCertificateImport(new StoredCertificate(name, leaf, chain, key, metadata), []);
    }

    private void CheckValidity(X509Certificate2 leaf, List<string> errors)
    {
        var now = time.GetUtcNow();
        if (now >= leaf.NotAfter.ToUniversalTime())
        {
            errors.Add($"The certificate '{leaf.Subject}' expired on {leaf.NotAfter.ToUniversalTime():u}.");
        }
        else if (now < leaf.NotBefore.ToUniversalTime())
        {
            errors.Add($"The certificate '{leaf.Subject}' is not valid before {leaf.NotBefore.ToUniversalTime():u}; check the clock.");
        }
    }

    // Each certificate must be issued by the one after it, as TLS servers send them (leaf first, root last or absent).
    private static void CheckChainOrder(X509Certificate2 leaf, IReadOnlyList<X509Certificate2> chain, List<string> errors)
    {
        var previous = leaf;
        for (var i = 0; i < chain.Count; i++)
        {
            if (!CertificateSignature.IsIssuedBy(previous, chain[i]))
            {
                var hint = chain.Skip(i + 1).Any(c => CertificateSignature.IsIssuedBy(previous, c))
                    ? " The chain is out of order: put each certificate right before its issuer."
                    : " Put the issuer of each certificate right after it.";
                errors.Add($"Chain position {i + 1} ('{chain[i].Subject}') did not issue '{previous.Subject}'.{hint}");
                return;
            }

            previous = chain[i];
        }
    }

    private static T? Try<T>(Func<T> read, List<string> errors) where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is CertificateStoreException or InsecureKeyFileException)
        {
            errors.Add(e.Message);
            return null;
        }
    }
}
