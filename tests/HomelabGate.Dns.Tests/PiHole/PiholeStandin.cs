using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.PiHole;

/// <summary>Follows the documented Pi-hole v6 API: POST /api/auth → session.sid; X-FTL-SID on every call;
/// GET/PUT/DELETE /api/config/dns/hosts[/IP%20NAME] and /api/config/dns/cnameRecords[/NAME,TARGET]; DELETE /api/auth.</summary>
public sealed class PiholeStandin : IAsyncDisposable
{
    public const string Password = "correct horse";
    private const string Sid = "s3ss10n-1d";

    public PiholeStandin(params string[] hosts)
    {
        Lists["hosts"] = [.. hosts];
        Server = new StandinHttpServer(Handle);
    }

    public StandinHttpServer Server { get; }

    public Dictionary<string, List<string>> Lists { get; } = new() { ["cnameRecords"] = [] };

    public int Logouts { get; private set; }

    public ValueTask DisposeAsync() => Server.DisposeAsync();

    private StandinResponse Handle(StandinRequest request)
    {
        if (request is { Method: "POST", Path: "/api/auth" })
        {
            return request.Json.GetProperty("password").GetString() == Password
                ? new(200, new { session = new { valid = true, totp = false, sid = Sid, validity = 300 } })
                : new(401, new { session = new { valid = false, sid = (string?)null }, error = new { key = "unauthorized", message = "Unauthorized" } });
        }
        if (!request.Headers.TryGetValue("X-FTL-SID", out var sid) || sid != Sid)
        {
            return new(401, new { error = new { key = "unauthorized", message = "Unauthorized", hint = (string?)null } });
        }
        if (request is { Method: "DELETE", Path: "/api/auth" })
        {
            Logouts++;
            return new(204, null);
        }
        var parts = request.Path.Split('/', 6, StringSplitOptions.RemoveEmptyEntries); // api, config, dns, item, entry
        if (parts.Length < 4 || parts[0] != "api" || parts[1] != "config" || parts[2] != "dns" || !Lists.TryGetValue(parts[3], out var list))
        {
            return new(404, new { error = new { key = "not_found", message = "Not found" } });
        }
        if (parts.Length == 4 && request.Method == "GET")
        {
            return new(200, new { config = new { dns = new Dictionary<string, List<string>> { [parts[3]] = list } }, took = 0.001 });
        }
        var entry = parts.Length == 5 ? parts[4] : string.Empty;
        return request.Method switch
        {
            "PUT" when list.Contains(entry) => new(400, new { error = new { key = "bad_request", message = "Item already present" } }),
            "PUT" => Add(list, entry),
            "DELETE" when list.Remove(entry) => new(204, null),
            "DELETE" => new(404, new { error = new { key = "not_found", message = "Item not found" } }),
            _ => new(405, null),
        };
    }

    private static StandinResponse Add(List<string> list, string entry)
    {
        list.Add(entry);
        return new(201, new { took = 0.001 });
    }
}
