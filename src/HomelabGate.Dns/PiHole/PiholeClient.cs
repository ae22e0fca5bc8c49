using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.PiHole;

/// <summary>Logs in to the Pi-hole v6 REST API (<c>POST /api/auth {"password"}</c> → <c>session.sid</c>).
/// The password is resolved from its reference at each login and never kept.</summary>
public sealed class PiholeClient(HttpClient http, PiholeOptions options, ISecretResolver secrets)
{
    public Uri BaseAddress => options.BaseAddress;

    public async Task<PiholeSession> LoginAsync(CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(
            new Uri(options.BaseAddress, "api/auth"), new JsonObject { ["password"] = secrets.Resolve(options.Password) }, DnsApiJson.Default.JsonObject, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new PiholeException($"Pi-hole {options.BaseAddress} rejected the password from {options.Password.Expression}");
        }
        if (!response.IsSuccessStatusCode)
        {
            throw new PiholeException($"Pi-hole {options.BaseAddress} login failed ({(int)response.StatusCode}): {await PiholeSession.ErrorTextAsync(response, cancellationToken)}");
        }
        var body = await response.Content.ReadFromJsonAsync(DnsApiJson.Default.JsonElement, cancellationToken);
        var sid = body.GetProperty("session").GetProperty("sid").GetString()
            ?? throw new PiholeException($"Pi-hole {options.BaseAddress} returned no session id");
        return new PiholeSession(http, options.BaseAddress, sid);
    }
}
