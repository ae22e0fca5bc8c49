using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Orders;

/// <summary>Picks the certificate chain whose top issuer matches the preferred common name (RFC 8555 §7.4.2
/// alternates via Link rel="alternate"), falling back to the CA's default chain like certbot and lego do.</summary>
internal sealed class ChainSelector(AcmeClient client)
{
    public async Task<AcmeCertificateDownload> SelectAsync(Uri certificateUrl, string? preferredIssuer, CancellationToken cancellationToken)
    {
        var chosen = await client.DownloadCertificateAsync(certificateUrl, cancellationToken);
        if (string.IsNullOrEmpty(preferredIssuer) || Matches(chosen.Pem, preferredIssuer))
        {
            return chosen;
        }
        foreach (var alternate in chosen.Alternates)
        {
            var candidate = await client.DownloadCertificateAsync(alternate, cancellationToken);
            if (Matches(candidate.Pem, preferredIssuer))
            {
                return candidate;
            }
        }
        return chosen;
    }

    /// <summary>True when the top certificate's issuer, or any certificate in the chain, has that common name.</summary>
    internal static bool Matches(string chainPem, string issuerCommonName)
    {
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(chainPem);
        if (chain.Count == 0)
        {
            return false;
        }
        var top = chain[^1].GetNameInfo(X509NameType.SimpleName, forIssuer: true);
        return string.Equals(top, issuerCommonName, StringComparison.Ordinal)
            || chain.Any(c => string.Equals(c.GetNameInfo(X509NameType.SimpleName, forIssuer: false), issuerCommonName, StringComparison.Ordinal));
    }
}
