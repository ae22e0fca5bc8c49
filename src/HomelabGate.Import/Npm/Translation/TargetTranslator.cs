using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>NPM's forward scheme, host and port as a manifest target: <c>to:</c> for plain HTTP, a named pool with
/// <c>tls.skipVerify</c> for HTTPS (nginx does not verify an upstream's certificate unless told to, and NPM never tells it).</summary>
internal sealed class TargetTranslator(ImportContext context)
{
    /// <summary>Adds <c>to:</c> or <c>upstream:</c> to <paramref name="into"/>; a pool it creates is commented out with a disabled host.</summary>
    public void Apply(YamlMap into, string poolName, string scheme, string host, int port, string path, bool enabled)
    {
        var url = Url(scheme, host, port, path);
        if (scheme != "https")
        {
            into.Add("to", url);
            return;
        }
        var pool = new YamlMap();
        pool.Add("targets", YamlSequence.Of([url]));
        pool.Map("tls").Add("skipVerify", true)
            .Comment("NPM does not verify an HTTPS upstream's certificate; to verify it, replace skipVerify with ca: /path/to/its-ca.pem");
        var name = context.Names.Allocate("upstreams", poolName, $"{poolName}-https");
        context.Upstreams.Add(name, pool).CommentedOut = !enabled;
        into.Add("upstream", name);
    }

    /// <summary>"10.20.0.16/handbook" → ("10.20.0.16", "/handbook"), as NPM splits a location's forward host.</summary>
    public static (string Host, string Path) Split(string forwardHost)
    {
        var text = forwardHost.Trim();
        var slash = text.IndexOf('/');
        return slash < 0 ? (text, "") : (text[..slash], text[slash..].TrimEnd('/'));
    }

    public static string Url(string scheme, string host, int port, string path) =>
        $"{(scheme == "https" ? "https" : "http")}://{Authority(host, port)}{path}";

    /// <summary>host:port, an IPv6 address in brackets.</summary>
    public static string Authority(string host, int port) => $"{(host.Contains(':') && !host.StartsWith('[') ? $"[{host}]" : host)}:{port}";
}
