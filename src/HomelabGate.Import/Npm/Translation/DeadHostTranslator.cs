using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>An NPM "404 host" as a host that answers 404 itself.</summary>
internal sealed class DeadHostTranslator(ImportContext context, TlsTranslator tls, AdvancedConfigApplier advanced)
{
    public void Translate(NpmDeadHost row)
    {
        if (HostRows.Begin(context, "404 host", row.Id, row.State, row.Domains) is not (var subject, var name, var host))
        {
            return;
        }
        host.Map("respond").Add("status", 404);
        tls.Apply(host, row.Tls, subject);
        advanced.Untranslated(host, AdvancedConfigTranslator.Translate(row.AdvancedConfig).AllDirectives, subject, "advanced config");
        HostRows.MarkDisabled(context, context.Hosts.Add(name, host), row.State, subject);
    }
}
