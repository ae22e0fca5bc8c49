using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>NPM's custom locations as manifest locations. nginx semantics are kept: a location whose forward host has a
/// path ("10.20.0.16/handbook") has its prefix replaced by that path (stripPrefix + the path in the URL); one without
/// passes the request path unchanged. A location "/" replaces the host's own target.</summary>
internal sealed class LocationTranslator(ImportContext context, TargetTranslator targets, AdvancedConfigApplier advanced)
{
    public (NpmLocation? Root, YamlSequence Items) Translate(NpmProxyHost row, string hostName, YamlMap host, bool enabled, string subject)
    {
        var items = new YamlSequence();
        NpmLocation? root = null;
        for (var i = 0; i < row.Locations.Count; i++)
        {
            var location = row.Locations[i];
            var path = location.Path.Trim();
            if (path.Length == 0 || path[0] is '~' or '=' or '@' || path.StartsWith("^~", StringComparison.Ordinal))
            {
                host.Footer.Add($"ATTENTION: NPM location \"{path}\" is an nginx regex or exact match; gate matches path prefixes only. Not imported.");
                context.Report.Attention(subject, $"location \"{path}\" is not a path prefix (nginx regex or exact match); not imported");
                continue;
            }
            var prefix = "/" + path.Trim('/');
            var config = AdvancedConfigTranslator.Translate(location.AdvancedConfig);
            advanced.Untranslated(host, config.AllDirectives, subject, $"advanced config of location {prefix}");
            if (prefix == "/")
            {
                root = location;
                continue;
            }
            var (forwardHost, forwardPath) = TargetTranslator.Split(location.ForwardHost);
            var item = new YamlMap();
            item.Add("path", prefix);
            targets.Apply(item, $"{hostName}-{NameAllocator.Slug(prefix)}", location.ForwardScheme, forwardHost, location.ForwardPort, forwardPath, enabled);
            if (forwardPath.Length > 0)
            {
                item.Add("stripPrefix", true);
            }
            items.Items.Add(item);
        }
        return (root, items);
    }
}
