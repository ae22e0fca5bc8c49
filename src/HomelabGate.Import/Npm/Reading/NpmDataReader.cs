using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomelabGate.Import.Npm.Reading;

/// <summary>Reads NPM's tables into <see cref="NpmData"/>. Rows are kept whatever their state; JSON that does not parse
/// is recorded as a problem, never a crash.</summary>
internal sealed class NpmDataReader
{
    private readonly List<string> _problems = [];

    public NpmData Read(NpmDatabase database)
    {
        var emails = database.Rows("user").Where(u => !u.Bool("is_deleted")).ToDictionary(u => u.Id, u => u.Text("email"));
        var auth = database.Rows("access_list_auth").ToLookup(r => r.Int("access_list_id"));
        var clients = database.Rows("access_list_client").ToLookup(r => r.Int("access_list_id"));
        var data = new NpmData
        {
            DatabasePath = database.Path,
            Migrations = database.Migrations(),
            ProxyHosts = database.Rows("proxy_host").Select(ProxyHost).ToList(),
            RedirectionHosts = database.Rows("redirection_host").Select(Redirection).ToList(),
            DeadHosts = database.Rows("dead_host").Select(r => new NpmDeadHost(r.Id, State(r), r.Domains(), NpmTls.From(r), r.Text("advanced_config"))).ToList(),
            Streams = database.Rows("stream").Select(Stream).ToList(),
            AccessLists = database.Rows("access_list").Select(r => AccessList(r, auth[r.Id], clients[r.Id])).ToList(),
            Certificates = database.Rows("certificate").Select(r => Certificate(r, emails)).ToList(),
            DefaultSite = database.Rows("setting").Where(r => r.Text("id") == "default-site").Select(DefaultSite).FirstOrDefault(),
        };
        return data with { UnknownColumns = database.UnknownColumns.Distinct().ToList(), Problems = _problems };
    }

    private static NpmRowState State(NpmRow row) =>
        row.Bool("is_deleted") ? NpmRowState.Deleted : row.Bool("enabled", fallback: true) ? NpmRowState.Enabled : NpmRowState.Disabled;

    private NpmProxyHost ProxyHost(NpmRow r) => new(r.Id, State(r), r.Domains(), r.Text("forward_scheme", "http"),
        r.Has("forward_host") ? r.Text("forward_host") : r.Text("forward_ip"), r.Int("forward_port"), r.Int("access_list_id"), NpmTls.From(r),
        r.Bool("caching_enabled"), r.Bool("block_exploits"), r.Bool("allow_websocket_upgrade"), r.Bool("trust_forwarded_proto"),
        r.Text("advanced_config"), Locations(r), NginxError(r));

    private List<NpmLocation> Locations(NpmRow row)
    {
        var node = row.Json("locations");
        if (node is null)
        {
            if (row.Text("locations").Length > 0)
            {
                _problems.Add($"proxy host {row.Id}: its custom locations are not valid JSON and were skipped");
            }
            return [];
        }
        return node is JsonArray array
            ? array.OfType<JsonObject>().Select(l => new NpmLocation(Str(l, "path"), Str(l, "forward_scheme", "http"), Str(l, "forward_host"),
                Int(l, "forward_port"), Str(l, "advanced_config"))).ToList()
            : [];
    }

    private static string? NginxError(NpmRow row) =>
        row.Json("meta") is JsonObject meta && meta["nginx_online"]?.GetValueKind() == JsonValueKind.False ? Str(meta, "nginx_err", "nginx rejected it") : null;

    private static NpmRedirectionHost Redirection(NpmRow r) => new(r.Id, State(r), r.Domains(), r.Text("forward_domain_name").Trim(),
        r.Text("forward_scheme", "auto") is "$scheme" ? "auto" : r.Text("forward_scheme", "auto"), r.Int("forward_http_code", 302),
        r.Bool("preserve_path"), NpmTls.From(r), r.Bool("block_exploits"), r.Text("advanced_config"));

    private static NpmStream Stream(NpmRow r) => new(r.Id, State(r), r.Int("incoming_port"),
        r.Has("forwarding_host") ? r.Text("forwarding_host") : r.Text("forward_ip"), r.Int("forwarding_port"),
        r.Bool("tcp_forwarding"), r.Bool("udp_forwarding"), r.Int("certificate_id"));

    private static NpmAccessList AccessList(NpmRow r, IEnumerable<NpmRow> auth, IEnumerable<NpmRow> clients) => new(r.Id, State(r), r.Text("name"),
        r.Bool("satisfy_any"), r.Bool("pass_auth", fallback: true),
        clients.OrderBy(c => c.Id).Select(c => new NpmAccessRule(c.Text("directive").Trim() == "allow", c.Text("address").Trim())).ToList(),
        auth.OrderBy(a => a.Id).Select(a => new NpmAccessUser(a.Text("username"), new SecretText(a.Text("password")))).ToList());

    private NpmCertificate Certificate(NpmRow r, IReadOnlyDictionary<int, string> emails)
    {
        var meta = r.Json("meta") as JsonObject;
        if (meta is null && r.Text("meta").Length > 0)
        {
            _problems.Add($"certificate {r.Id}: its settings (meta) are not valid JSON");
        }
        meta ??= [];
        var pems = meta["certificate"] is not null && meta["certificate_key"] is not null
            ? new NpmPems(Str(meta, "certificate"), new SecretText(Str(meta, "certificate_key")), meta["intermediate_certificate"] is null ? null : Str(meta, "intermediate_certificate"))
            : null;
        var credentials = Str(meta, "dns_provider_credentials");
        var email = Str(meta, "letsencrypt_email");
        return new NpmCertificate(r.Id, State(r), r.Text("provider"), r.Text("nice_name"), r.Domains(),
            meta["dns_challenge"]?.GetValueKind() == JsonValueKind.True, meta["dns_provider"] is null ? null : Str(meta, "dns_provider"),
            credentials.Length == 0 ? null : new SecretText(credentials), meta["propagation_seconds"] is null ? null : Int(meta, "propagation_seconds"),
            meta["key_type"] is null ? null : Str(meta, "key_type"),
            email.Length > 0 ? email : emails.GetValueOrDefault(r.Int("owner_user_id")), pems);
    }

    private static NpmDefaultSite DefaultSite(NpmRow r)
    {
        var meta = r.Json("meta") as JsonObject ?? [];
        return new NpmDefaultSite(r.Text("value"), meta["redirect"] is null ? null : Str(meta, "redirect"), meta["html"] is null ? null : Str(meta, "html"));
    }

    private static string Str(JsonObject obj, string key, string fallback = "") => obj[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        _ => fallback,
    };

    private static int Int(JsonObject obj, string key) => obj[key] switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var n) => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), out var n) => n,
        _ => 0,
    };
}
