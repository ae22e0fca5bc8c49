using System.Globalization;
using System.Text.Json;
using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Planning;

/// <summary>Flattened attributes in the manifest's own words, for plans and reasons people read: <c>satisfy = "all"</c>
/// rather than the resource's <c>requireAll = true</c>, <c>listen.http</c> rather than <c>httpListen</c>, sizes and
/// durations as the manifest writes them. Only printed paths and values change; the JSON plan keeps the resource's
/// shape, because its format is a contract.</summary>
internal static class ManifestSpelling
{
    public static List<KeyValuePair<string, string>> Apply(ResourceKind kind, IReadOnlyList<KeyValuePair<string, string>> attributes) => kind switch
    {
        ResourceKind.Settings => Settings(attributes),
        ResourceKind.Upstream => Upstream(attributes),
        ResourceKind.AccessList => AccessList(attributes),
        ResourceKind.Host => Host(attributes),
        ResourceKind.Issuer => [.. attributes.Select(a => Rename(a, Issuer(a.Key)))],
        ResourceKind.Certificate or ResourceKind.DnsRecord => [.. attributes],
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static List<KeyValuePair<string, string>> Settings(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var streams = Indexed(attributes, "streams");
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in attributes)
        {
            if (Index(key, "streams") is { } i)
            {
                // streams[0].listen → streams.ssh.listen: the manifest keys streams by name.
                var field = key[(key.IndexOf("].", StringComparison.Ordinal) + 2)..];
                if (field != "name")
                {
                    result.Add(new($"streams.{Unquote(streams[i].GetValueOrDefault("name", i.ToString(CultureInfo.InvariantCulture)))}.{field}", value));
                }
                continue;
            }
            result.Add(new(key switch
            {
                "httpListen" => "listen.http",
                "httpsListen" => "listen.https",
                "adminListen" => "admin",
                "dns.ownerId" => "dnsOwnerId",
                "notifications.url" => "notifications.webhook.url",
                "notifications.headers" => "notifications.webhook.headers",
                _ when key.StartsWith("dns.", StringComparison.Ordinal) => $"dns.provider.{key[4..]}",
                _ => key,
            }, value));
        }
        return result;
    }

    private static List<KeyValuePair<string, string>> Upstream(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var values = attributes.ToDictionary(a => a.Key, a => a.Value);
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in attributes)
        {
            switch (key)
            {
                case "healthCheck.minStatus":
                    var max = values.GetValueOrDefault("healthCheck.maxStatus", value);
                    result.Add(new("healthCheck.expectStatus", Quote(max == value ? value : $"{value}-{max}")));
                    break;
                case "healthCheck.maxStatus":
                    break;
                default:
                    result.Add(new(key switch
                    {
                        "stickyCookie" => "sticky.cookie",
                        "connectTimeout" => "timeouts.connect",
                        "responseTimeout" => "timeouts.response",
                        _ => key,
                    }, value));
                    break;
            }
        }
        return result;
    }

    /// <summary>rules[i].allow/cidr → the manifest's <c>deny</c> and <c>allow</c> lists (deny entries are checked first).</summary>
    private static List<KeyValuePair<string, string>> AccessList(IReadOnlyList<KeyValuePair<string, string>> attributes)
    {
        var rules = Indexed(attributes, "rules");
        var result = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in attributes)
        {
            if (Index(key, "rules") is { } i)
            {
                if (i == 0 && key.EndsWith(".allow", StringComparison.Ordinal))
                {
                    foreach (var allow in new[] { "false", "true" })
                    {
                        var cidrs = rules.Where(r => r.GetValueOrDefault("allow") == allow).Select(r => r.GetValueOrDefault("cidr", "\"\"")).ToList();
                        if (cidrs.Count > 0)
                        {
                            result.Add(new(allow == "true" ? "allow" : "deny", $"[{string.Join(",", cidrs)}]"));
                        }
                    }
                }
                continue;
            }
            result.Add(key == "requireAll" ? new("satisfy", value == "true" ? "\"all\"" : "\"any\"") : new(key, value));
        }
        return result;
    }

    private static List<KeyValuePair<string, string>> Host(IReadOnlyList<KeyValuePair<string, string>> attributes) =>
        [.. attributes.Select(a => a.Key switch
        {
            "hsts.maxAgeSeconds" when long.TryParse(a.Value, CultureInfo.InvariantCulture, out var seconds) =>
                new KeyValuePair<string, string>("hsts.maxAge", Quote(CompactDurationConverter.Format(TimeSpan.FromSeconds(seconds)))),
            "maxBodySize" when long.TryParse(a.Value, CultureInfo.InvariantCulture, out var bytes) => new(a.Key, Quote(Size(bytes))),
            var key when key.StartsWith("requestHeaders.", StringComparison.Ordinal) => new($"headers.request.{key["requestHeaders.".Length..]}", a.Value),
            var key when key.StartsWith("responseHeaders.", StringComparison.Ordinal) => new($"headers.response.{key["responseHeaders.".Length..]}", a.Value),
            _ => a,
        })];

    private static string Issuer(string key) => key switch
    {
        "permittedDns" => "nameConstraints.dns",
        "permittedIp" => "nameConstraints.ip",
        "acme.eabKid" => "eab.kid",
        "acme.eabHmacKey" => "eab.hmacKey",
        _ when key.StartsWith("acme.", StringComparison.Ordinal) => key[5..],
        _ => key,
    };

    private static KeyValuePair<string, string> Rename(KeyValuePair<string, string> attribute, string key) => new(key, attribute.Value);

    /// <summary>The largest unit that divides evenly, as <c>maxBodySize</c> is written: 10737418240 → "10GB".</summary>
    private static string Size(long bytes)
    {
        foreach (var (unit, size) in new[] { ("GB", 1L << 30), ("MB", 1L << 20), ("KB", 1L << 10) })
        {
            if (bytes != 0 && bytes % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / size}{unit}");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"{bytes}B");
    }

    private static int? Index(string key, string list) =>
        key.StartsWith($"{list}[", StringComparison.Ordinal) && key.IndexOf(']', StringComparison.Ordinal) is var end and > 0
            && int.TryParse(key.AsSpan(list.Length + 1, end - list.Length - 1), CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    /// <summary>The fields of each element of a list of objects, e.g. streams[0].name, streams[0].listen.</summary>
    private static List<Dictionary<string, string>> Indexed(IReadOnlyList<KeyValuePair<string, string>> attributes, string list)
    {
        var items = new List<Dictionary<string, string>>();
        foreach (var (key, value) in attributes)
        {
            if (Index(key, list) is { } i)
            {
                while (items.Count <= i)
                {
                    items.Add([]);
                }
                items[i][key[(key.IndexOf("].", StringComparison.Ordinal) + 2)..]] = value;
            }
        }
        return items;
    }

    private static readonly JsonWriterOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string text)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Relaxed))
        {
            writer.WriteStringValue(text);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static string Unquote(string json)
    {
        if (!json.StartsWith('"'))
        {
            return json;
        }
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
        return reader.Read() ? reader.GetString() ?? json : json;
    }
}
