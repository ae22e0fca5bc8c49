using System.Net.Http.Headers;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>A manifest whose admin token and Pi-hole password come from <c>${env:…}</c>: with the variables set to marker
/// values, no admin page, API document, metric or log line ever contains a marker — while the token is enforced and the
/// password is really used (the unreachable Pi-hole's error shows up in /api/status).</summary>
public sealed class SecretsNeverShownTests(SecretsNeverShownTests.Daemon daemon) : IClassFixture<SecretsNeverShownTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    private async Task<HttpResult> AdminGetAsync(string path, string? bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Gate.AdminUrl(path));
        if (bearer is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        }
        using var response = await TestHttp.Client.SendAsync(request);
        return new HttpResult((int)response.StatusCode, new Dictionary<string, string>(), await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/api/plan")]
    [InlineData("/api/history")]
    [InlineData("/metrics")]
    public async Task With_the_token_every_admin_document_answers_without_any_secret(string path)
    {
        var result = await AdminGetAsync(path, daemon.AdminToken);

        Assert.Equal(200, result.Status);
        Assert.DoesNotContain(daemon.AdminToken, result.Body);
        Assert.DoesNotContain(daemon.PiholePassword, result.Body);
    }

    [Fact]
    public async Task The_secrets_are_in_use_and_shown_only_as_secret()
    {
        var status = await Poll.UntilAsync(() => AdminGetAsync("/api/status", daemon.AdminToken), r => r.Body.Contains("\"error\": \"", StringComparison.Ordinal),
            "the DNS step reports the unreachable Pi-hole", context: () => Gate.Output);
        var history = await AdminGetAsync("/api/history", daemon.AdminToken);

        Assert.Contains("(secret)", history.Body);
        Assert.DoesNotContain(daemon.PiholePassword, status.Body);
        Assert.DoesNotContain(daemon.AdminToken, Gate.Output);
        Assert.DoesNotContain(daemon.PiholePassword, Gate.Output);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/metrics")]
    public async Task Without_the_token_even_loopback_gets_401(string path)
    {
        Assert.Equal(401, (await AdminGetAsync(path, null)).Status);
        Assert.Equal(401, (await AdminGetAsync(path, "not-the-token")).Status);
    }

    [Theory]
    [InlineData("/healthz", 200)]
    [InlineData("/readyz", 200)]
    public async Task Health_and_readiness_stay_open_for_container_health_checks(string path, int status) =>
        Assert.Equal(status, (await AdminGetAsync(path, null)).Status);

    public sealed class Daemon : GateFixture
    {
        private readonly string _tokenVariable = $"HG_E2E_ADMIN_TOKEN_{Guid.NewGuid():N}";
        private readonly string _passwordVariable = $"HG_E2E_PIHOLE_PASSWORD_{Guid.NewGuid():N}";

        public Daemon()
        {
            // The daemon inherits this process's environment; the names are unique, so no other test sees them.
            Environment.SetEnvironmentVariable(_tokenVariable, AdminToken);
            Environment.SetEnvironmentVariable(_passwordVariable, PiholePassword);
        }

        public string AdminToken { get; } = $"admin-token-marker-{Guid.NewGuid():N}";

        public string PiholePassword { get; } = $"pihole-password-marker-{Guid.NewGuid():N}";

        protected override string InitialManifest() => Manifests.Header.Replace("settings:\n", $"settings:\n  adminToken: \"${{env:{_tokenVariable}}}\"\n", StringComparison.Ordinal) + $$"""
            dns:
              provider: { type: pihole, url: "http://127.0.0.1:{{FreePorts.Next()}}", password: "${env:{{_passwordVariable}}}" }
              records:
                - { name: nas.home.test, type: A, value: 192.168.1.5 }
            hosts:
              hello:
                domains: [hello.test]
                respond:
                  body: hello
            """;
    }
}
