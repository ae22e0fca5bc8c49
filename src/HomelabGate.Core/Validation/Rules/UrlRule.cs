using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;

namespace HomelabGate.Core.Validation.Rules;

/// <summary>Upstream targets and inline <c>to:</c> are absolute http(s) URLs with a host; redirect and auth URLs too.</summary>
public sealed class UrlRule : IManifestRule
{
    public IEnumerable<Diagnostic> Check(LoadedManifest manifest)
    {
        var spec = manifest.Spec;
        foreach (var (name, upstream) in spec.Upstreams)
        {
            for (var i = 0; i < upstream.Targets.Count; i++)
            {
                var path = ManifestPath.Item($"upstreams.{name}.targets", i);
                if (Problem(upstream.Targets[i].Url) is { } problem)
                {
                    yield return Bad(manifest, upstream.Targets[i].Url, problem, path);
                }
            }
        }
        foreach (var (name, host) in spec.Hosts)
        {
            var urls = new List<(string? Url, string Path)>
            {
                (host.To, $"hosts.{name}.to"), (host.Redirect?.To, $"hosts.{name}.redirect.to"), (host.ForwardAuth?.Url, $"hosts.{name}.forwardAuth.url"),
            };
            urls.AddRange((host.Locations ?? []).Select((l, i) => (l.To, $"hosts.{name}.locations[{i}].to")));
            foreach (var (url, path) in urls)
            {
                if (url is not null && Problem(url) is { } problem)
                {
                    yield return Bad(manifest, url, problem, path);
                }
            }
        }
        if (spec.Settings.DefaultSite?.Redirect is { } redirect && Problem(redirect) is { } siteProblem)
        {
            yield return Bad(manifest, redirect, siteProblem, "settings.defaultSite.redirect");
        }
    }

    public static string? Problem(string url)
    {
        if (!url.Contains("://", StringComparison.Ordinal) && !url.Contains(' ', StringComparison.Ordinal))
        {
            return "it has no scheme; start it with http:// or https://";
        }
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.IsFile)
        {
            return "it is not an absolute URL";
        }
        if (uri.Scheme is not ("http" or "https"))
        {
            return $"the scheme '{uri.Scheme}' is not http or https";
        }
        return string.IsNullOrEmpty(uri.Host) ? "it has no host" : null;
    }

    private static Diagnostic Bad(LoadedManifest manifest, string url, string problem, string path) =>
        Diagnostic.Error(DiagnosticCodes.InvalidUrl, $"'{url}' is not a usable URL: {problem}", manifest.Map.Value(path),
            "write it as http://192.168.1.50:8096 or https://nas.lan:5001");
}
