using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>Puts what <see cref="AdvancedConfigTranslator"/> carried over into a host, and what it could not as comments
/// at the end of that host (and into the report).</summary>
internal sealed class AdvancedConfigApplier(ImportContext context)
{
    public void Apply(YamlMap host, AdvancedConfig config, string subject)
    {
        if (config.HasHeaders)
        {
            var headers = host.Map("headers");
            Operations(headers, "request", config.RequestAdd, config.RequestRemove);
            Operations(headers, "response", config.ResponseAdd, config.ResponseRemove);
        }
        if (config.Translated.Count > 0)
        {
            host.Footer.Add("From NPM's advanced config (translated above, or not needed in gate):");
            host.Footer.AddRange(config.Translated.Select(d => $"  {d}"));
        }
        Untranslated(host, config.Untranslated, subject, "advanced config");
    }

    /// <summary>Lists nginx directives gate cannot apply at the end of <paramref name="host"/> and in the report.</summary>
    public void Untranslated(YamlMap host, IReadOnlyList<string> directives, string subject, string where)
    {
        if (directives.Count == 0)
        {
            return;
        }
        host.Footer.Add($"ATTENTION: NPM {where}, not translated (nginx directives gate cannot apply):");
        host.Footer.AddRange(directives.Select(d => $"  {d}"));
        context.Report.Attention(subject, $"{where} not translated: {string.Join(" ", directives)}");
    }

    private static void Operations(YamlMap headers, string side, List<(string Name, string Value)> add, List<string> remove)
    {
        if (add.Count == 0 && remove.Count == 0)
        {
            return;
        }
        var map = headers.Map(side);
        if (add.Count > 0)
        {
            var added = map.Map("add");
            foreach (var (name, value) in add)
            {
                added.Entries.RemoveAll(e => string.Equals(e.Key, name, StringComparison.OrdinalIgnoreCase)); // the last one wins, as in nginx
                added.Add(name, value);
            }
        }
        if (remove.Count > 0)
        {
            map.Add("remove", YamlSequence.Of(remove));
        }
    }
}
