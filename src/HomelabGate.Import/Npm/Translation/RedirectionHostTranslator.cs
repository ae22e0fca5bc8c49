using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>An NPM redirection host as a host with <c>redirect:</c>. NPM renders <c>return CODE SCHEME://TARGET$request_uri</c>
/// (without $request_uri when the path is not preserved), after its HTTPS redirect when SSL is forced.</summary>
internal sealed class RedirectionHostTranslator(ImportContext context, TlsTranslator tls, AdvancedConfigApplier advanced)
{
    private static readonly int[] Supported = [301, 302, 307, 308];

    public void Translate(NpmRedirectionHost row)
    {
        if (HostRows.Begin(context, "redirection host", row.Id, row.State, row.Domains) is not (var subject, var name, var host))
        {
            return;
        }
        var redirect = host.Map("redirect");
        redirect.Add("to", $"{Scheme(row, subject, redirect)}://{StripScheme(row.ForwardDomainName)}");
        var status = Supported.Contains(row.HttpCode) ? row.HttpCode : 302;
        var code = redirect.Add("status", status);
        if (status != row.HttpCode)
        {
            code.Comment($"ATTENTION: NPM answered {row.HttpCode}; gate redirects with 301, 302, 307 or 308.");
            context.Report.Attention(subject, $"redirect code {row.HttpCode} is not one gate sends; imported as 302");
        }
        redirect.Add("preservePath", row.PreservePath);
        tls.Apply(host, row.Tls, subject);
        if (row.BlockExploits)
        {
            host.Footer.Add("NPM's \"Block Common Exploits\" was on; a redirect host forwards nothing, so nothing is lost.");
        }
        advanced.Untranslated(host, AdvancedConfigTranslator.Translate(row.AdvancedConfig).AllDirectives, subject, "advanced config");
        HostRows.MarkDisabled(context, context.Hosts.Add(name, host), row.State, subject);
    }

    /// <summary>"auto" kept the request's scheme. With HTTPS forced (or no certificate) every request has one scheme, so
    /// that one is exact; otherwise gate, which redirects to one URL, sends both to https.</summary>
    private string Scheme(NpmRedirectionHost row, string subject, YamlMap redirect)
    {
        var written = ExplicitScheme(row.ForwardDomainName) ?? row.ForwardScheme;
        if (written is "http" or "https")
        {
            return written;
        }
        var hasCertificate = row.Tls.CertificateId != 0 && context.CertificateNames.ContainsKey(row.Tls.CertificateId);
        if (hasCertificate && !row.Tls.SslForced)
        {
            redirect.Footer.Add("ATTENTION: NPM kept the request's scheme (auto); gate redirects plain-HTTP requests to https too.");
            context.Report.Attention(subject, "NPM redirected to the request's own scheme; gate sends both http and https requests to https");
        }
        return hasCertificate ? "https" : "http";
    }

    private static string? ExplicitScheme(string target) =>
        target.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? "https" : target.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? "http" : null;

    private static string StripScheme(string target) => target.Contains("://", StringComparison.Ordinal) ? target[(target.IndexOf("://", StringComparison.Ordinal) + 3)..] : target;
}
