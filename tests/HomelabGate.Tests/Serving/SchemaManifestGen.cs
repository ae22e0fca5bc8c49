using System.Globalization;
using System.Text;
using CsCheck;

namespace HomelabGate.Tests.Serving;

/// <summary>Manifests built from the schema's own enums and integer ranges (ends included, and one past each end), with
/// durations and sizes across every boundary the daemon has: zero, a millisecond, a day, 24.8 days (timers), 825 days
/// (certificates) and overflow. Most are valid; those that validate must be served (<see cref="ServingProperty"/>).</summary>
public static class SchemaManifestGen
{
    private const string Upstream = "definitions/upstream/properties";

    private static readonly string[] Durations =
        ["0ms", "1ms", "999ms", "1s", "3s", "59m", "1h", "1d", "7d", "8d", "24d", "25d", "50d", "825d", "826d", "3650d", "5000000d", "99999999999999d"];

    private static readonly Gen<string> Sizes = Gen.Frequency<string>((4, Gen.OneOf("1", "512KB", "10MB", "1GB", "1024GB")), (1, Gen.OneOf("0", "1025GB", "99999999999GB")));

    private static readonly string[] Targets = ["http://10.0.0.5:80", "https://10.0.0.6:8443", "http://[fd00::5]:8080", "http://nas.home.test", "http://10.0.0.7:80/base/"];

    private static readonly string[] Paths = ["/", "/healthz", "", "health", "/a b", "/{x}", "/api/", "/%2F"];

    private static readonly Gen<string> Names = Gen.Frequency<string>((4, Gen.OneOf("hg", "nc_affinity", "Remote-User", "X-A")), (1, Gen.OneOf("", "a b", "x;y")));

    public static Gen<string> Manifest(SchemaFacts schema)
    {
        var duration = Gen.Frequency<string>((12, Gen.OneOf("1s", "5s", "30s", "1h", "12h", "1d", "90d")), (2, Gen.OneOf(Durations)),
            (1, Gen.Select(Gen.Long[0, 10_000_000], Gen.OneOf("ms", "s", "m", "h", "d"), (n, u) => $"{n}{u}")));
        var optionalDuration = Gen.Frequency<string?>((2, Gen.Const<string?>((string?)null)), (1, duration.Select(v => (string?)v)));
        Gen<string> Integer(string pointer)
        {
            var (min, max) = schema.Range(pointer);
            string[] Text(params long[] values) =>
                values.Where(v => v is > long.MinValue and < long.MaxValue).Select(v => v.ToString(CultureInfo.InvariantCulture)).DefaultIfEmpty("1").ToArray();
            var inside = Gen.Long[Math.Max(min, -1_000_000), Math.Min(max, 1_000_000)].Select(v => v.ToString(CultureInfo.InvariantCulture));
            return Gen.Frequency<string>((16, inside), (4, Gen.OneOf(Text(min, max))), (1, Gen.OneOf(Text(min - 1, max + 1))), (1, Gen.OneOf("2147483648", "99999999999999999999")));
        }
        var pool = Gen.Select(Gen.OneOf(Targets).Array[1, 3], Optional(Integer("definitions/target/oneOf/1/properties/weight")),
            Optional(Gen.OneOf(schema.Enum($"{Upstream}/loadBalancing"))), Gen.Select(Gen.OneOf(Paths), optionalDuration, optionalDuration, Optional(Gen.OneOf("200", "200-399", "100-599", "599-100")),
                Optional(Integer("definitions/healthCheck/properties/healthyThreshold")), Optional(Integer("definitions/healthCheck/properties/unhealthyThreshold")),
                (path, interval, timeout, expect, healthy, unhealthy) => Fields(("path", Quote(path)), ("interval", interval), ("timeout", timeout), ("expectStatus", Quote(expect)), ("healthyThreshold", healthy), ("unhealthyThreshold", unhealthy))),
            Gen.Select(Optional(Integer($"{Upstream}/passiveHealth/properties/consecutiveFailures")), optionalDuration, (failures, reactivation) => Fields(("consecutiveFailures", failures), ("reactivation", reactivation))),
            Optional(Names), Gen.Select(optionalDuration, optionalDuration, optionalDuration, (connect, response, idle) => Fields(("connect", connect), ("response", response), ("idleUpgraded", idle))),
            Gen.Select(Gen.Bool, Optional(Gen.OneOf("nas.home.test", "a b", "")), (skip, name) => Fields(("skipVerify", skip ? "true" : null), ("serverName", Quote(name)))),
            (targets, weight, balancing, check, passive, cookie, timeouts, tls) =>
                $"{{ targets: [{string.Join(", ", targets.Select((t, i) => i == 0 && weight is not null ? $"{{ url: \"{t}\", weight: {weight} }}" : $"\"{t}\""))}]"
                + Optional(("loadBalancing", balancing), ("healthCheck", check), ("passiveHealth", passive), ("sticky", cookie is null ? null : $"{{ cookie: {Quote(cookie)} }}"), ("timeouts", timeouts), ("tls", tls)) + " }");
        var host = Gen.Select(Gen.OneOf("upstream: pool", $"to: \"{Targets[0]}\"", "respond: { status: STATUS, body: \"hi\" }", "redirect: { to: \"https://b.test\", status: REDIRECT }"),
            Integer("definitions/respond/properties/status"), Gen.OneOf(schema.Enum("definitions/redirect/properties/status")),
            Gen.Select(Optional(Gen.OneOf(Paths)), Gen.Bool, Optional(Names), Optional(Sizes), optionalDuration,
                Gen.Select(Optional(Integer("definitions/host/properties/rateLimit/properties/requests")), optionalDuration, (requests, window) => requests is null ? "" : Fields(("requests", requests), ("window", window))!),
                (location, strip, header, size, timeout, rate) => Optional(
                    ("locations", location is null ? null : $"[{{ path: {Quote(location)}, to: \"{Targets[1]}\", stripPrefix: {(strip ? "true" : "false")} }}]"),
                    ("headers", header is null ? null : $"{{ request: {{ add: {{ {Quote(header)}: \"v\" }}, remove: [{Quote(header)}] }} }}"),
                    ("forwardAuth", header is null ? null : $"{{ url: \"http://10.0.0.9:4180/auth\", copyHeaders: [{Quote(header)}] }}"),
                    ("maxBodySize", Quote(size)), ("timeout", timeout), ("rateLimit", rate.Length == 0 ? null : rate))),
            Gen.Select(Gen.Bool, Optional(Gen.Select(optionalDuration, Gen.Bool, (age, sub) => Fields(("maxAge", age), ("includeSubDomains", sub ? "true" : "false"))!))),
            (action, status, redirect, extra, tls) => $"{{ domains: [a.home.test], {action.Replace("STATUS", status, StringComparison.Ordinal).Replace("REDIRECT", redirect, StringComparison.Ordinal)}, certificate: site"
                + (tls.Item1 ? ", forceHttps: true" : "") + Optional(("hsts", tls.Item2)) + extra + " }");
        var certificate = Gen.Select(optionalDuration, optionalDuration, Gen.Frequency<string?>((19, Gen.Const<string?>((string?)null)), (1, Gen.OneOf(schema.Enum("definitions/certificate/properties/keyType")).Select(k => (string?)k))),
            (leaf, lifetime, key) => $"issuers:\n  local: {{ type: local-ca{Optional(("leafLifetime", leaf))} }}\ncertificates:\n  site: {{ issuer: local, domains: [a.home.test, \"*.home.test\"]{Optional(("lifetime", lifetime), ("keyType", key))} }}\n");
        return Gen.Select(pool, host, certificate, (p, h, c) =>
            $"version: 1\nsettings:\n  listen: {{ http: \"127.0.0.1:8080\", https: \"127.0.0.1:8443\" }}\nupstreams:\n  pool: {p}\nhosts:\n  app: {h}\n{c}");
    }

    private static Gen<string?> Optional(Gen<string> gen) => Gen.Frequency<string?>((1, Gen.Const<string?>((string?)null)), (2, gen.Select(v => (string?)v)));

    private static string? Quote(string? text) => text is null ? null : $"\"{text}\"";

    private static string? Fields(params (string Key, string? Value)[] fields) =>
        fields.Any(f => f.Value is not null) ? $"{{ {string.Join(", ", fields.Where(f => f.Value is not null).Select(f => $"{f.Key}: {f.Value}"))} }}" : null;

    private static string Optional(params (string Key, string? Value)[] fields)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in fields.Where(f => f.Value is not null))
        {
            text.Append(", ").Append(key).Append(": ").Append(value);
        }
        return text.ToString();
    }
}
