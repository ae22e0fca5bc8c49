using System.Globalization;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Proxy.Outbound;

/// <summary>Why an upstream's certificate is refused, in a few words, or null when it is fine: trusted (by the system,
/// or by the pool's <c>tls.ca</c> alone), within its validity, and carrying the expected name or IP address.</summary>
internal static class CertificateVerdict
{
    public static string? Refusal(X509Certificate2 certificate, X509Chain? platformChain, SslPolicyErrors errors,
        X509Certificate2Collection? roots, string expected, DateTimeOffset now)
    {
        if (roots is not null)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(roots);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationTime = now.UtcDateTime;
            if (!chain.Build(certificate))
            {
                return Untrusted(chain.ChainStatus, certificate, now, "not issued by the CA in tls.ca");
            }
        }
        else if ((errors & SslPolicyErrors.RemoteCertificateChainErrors) != 0)
        {
            return Untrusted(platformChain?.ChainStatus ?? [], certificate, now, "not issued by a CA this machine trusts (set tls.ca)");
        }
        return certificate.MatchesHostname(expected) ? null : $"name mismatch (it is for {Names(certificate)}, not {expected})";
    }

    private static string Untrusted(X509ChainStatus[] statuses, X509Certificate2 certificate, DateTimeOffset now, string untrusted)
    {
        var flags = statuses.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status);
        if ((flags & X509ChainStatusFlags.NotTimeValid) != 0 || now.UtcDateTime > certificate.NotAfter.ToUniversalTime())
        {
            return now.UtcDateTime > certificate.NotAfter.ToUniversalTime()
                ? $"expired on {Day(certificate.NotAfter)}"
                : $"not valid before {Day(certificate.NotBefore)}";
        }
        if ((flags & X509ChainStatusFlags.Revoked) != 0)
        {
            return "revoked";
        }
        if ((flags & X509ChainStatusFlags.NotSignatureValid) != 0)
        {
            // An appliance that made itself a new CA under the old name (Proxmox does on reinstall).
            return $"untrusted: {untrusted} (a CA of the same name but another key signed it)";
        }
        return $"untrusted: {untrusted}";
    }

    /// <summary>"nas.home.test, 192.168.1.5" (at most three names), or the subject when it has no alternative names.</summary>
    private static string Names(X509Certificate2 certificate)
    {
        var san = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var names = san is null ? [] : san.EnumerateDnsNames().Concat(san.EnumerateIPAddresses().Select(ip => ip.ToString())).ToList();
        return names.Count == 0 ? $"'{certificate.Subject}'"
            : string.Join(", ", names.Take(3)) + (names.Count > 3 ? $" and {names.Count - 3} more" : "");
    }

    private static string Day(DateTime at) => at.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
