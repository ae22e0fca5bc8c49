using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>Forward auth against a real auth server (a Kestrel app in the test, answering as Authelia does) in front of
/// a real upstream that reports the identity headers it received.</summary>
public sealed class ForwardAuthTests(ForwardAuthTests.Daemon daemon) : IClassFixture<ForwardAuthTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    private Task<HttpResult> CurlAsync(string host, params string[] extra) =>
        Curl.RunAsync([.. extra, "-H", $"Host: {host}", $"http://127.0.0.1:{Gate.Workspace.Ports.Proxy}/photos/2024?album=a%20b"]);

    [Fact]
    public async Task A_signed_in_user_reaches_the_upstream_with_the_identity_headers_the_auth_server_set()
    {
        var result = await CurlAsync("app.test", "-H", "Cookie: session=alice");

        Assert.True(result.Status == 200, result.ToString());
        Assert.Equal("user=alice email=alice@home.test", result.Body);
    }

    [Fact]
    public async Task Without_a_session_the_client_gets_the_auth_servers_redirect_to_its_login_page_and_the_upstream_is_not_asked()
    {
        var before = daemon.Upstream.Requests;

        var result = await CurlAsync("app.test");

        Assert.True(result.Status == 302, result.ToString());
        Assert.Equal("http://auth.test/login?rd=http://app.test/photos/2024?album=a%20b&method=GET", result.Header("Location"));
        Assert.Equal("hg_flow=started; path=/", result.Header("Set-Cookie"));
        Assert.Equal("please sign in", result.Body);
        Assert.Equal(before, daemon.Upstream.Requests);
    }

    [Fact]
    public async Task An_identity_header_sent_by_the_client_never_reaches_the_upstream()
    {
        var result = await CurlAsync("app.test", "-H", "Cookie: session=alice", "-H", "Remote-User: admin", "-H", "Remote-Email: admin@evil.test");

        Assert.Equal("user=alice email=alice@home.test", result.Body);
    }

    [Fact]
    public async Task A_basic_auth_header_is_passed_to_the_auth_server_and_its_401_challenge_to_the_client()
    {
        var result = await CurlAsync("app.test", "-H", "Authorization: Bearer wrong");

        Assert.True(result.Status == 401, result.ToString());
        Assert.Equal("Basic realm=\"auth\"", result.Header("WWW-Authenticate"));
    }

    [Fact]
    public async Task An_auth_server_that_does_not_answer_means_502_with_a_clear_body_never_the_upstream()
    {
        var before = daemon.Upstream.Requests;

        var result = await CurlAsync("down.test", "-H", "Cookie: session=alice");

        Assert.True(result.Status == 502, result.ToString());
        Assert.Equal("502 Bad Gateway: down.test could not check whether you may come in: its sign-in service did not answer, so the request was not forwarded.\n", result.Body);
        Assert.Equal(before, daemon.Upstream.Requests);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public LoopbackServer Upstream { get; private set; } = null!;

        protected override async Task<string> StartServersAsync()
        {
            var auth = Own(await LoopbackServer.StartAsync(AuthorizeAsync));
            Upstream = Own(await LoopbackServer.StartAsync(context =>
                context.Response.WriteAsync($"user={context.Request.Headers["Remote-User"]} email={context.Request.Headers["Remote-Email"]}")));
            var closed = FreePorts.Next();
            return Manifests.Header + $"""
                hosts:
                  app:
                    domains: [app.test]
                    to: {Upstream.Address}
                    forwardAuth:
                      url: {auth.Address}/api/authz/forward-auth
                      copyHeaders: [Remote-User, Remote-Email]
                  down:
                    domains: [down.test]
                    to: {Upstream.Address}
                    forwardAuth: {"{"} url: "http://127.0.0.1:{closed}/verify" {"}"}
                """;
        }

        /// <summary>Authelia's contract: a session cookie means 200 with the identity; a bad Authorization header means a
        /// 401 challenge; otherwise a 302 to the portal naming the original URL, which arrives in X-Forwarded-*.</summary>
        private static Task AuthorizeAsync(HttpContext context)
        {
            var request = context.Request;
            if (request.Path != "/api/authz/forward-auth")
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }
            if (request.Headers.Cookie.ToString().Contains("session=alice", StringComparison.Ordinal))
            {
                context.Response.Headers["Remote-User"] = "alice";
                context.Response.Headers["Remote-Email"] = "alice@home.test";
                return Task.CompletedTask;
            }
            if (request.Headers.Authorization.Count > 0)
            {
                context.Response.StatusCode = 401;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"auth\"";
                return Task.CompletedTask;
            }
            var original = $"{request.Headers["X-Forwarded-Proto"]}://{request.Headers["X-Forwarded-Host"]}{request.Headers["X-Forwarded-Uri"]}";
            context.Response.StatusCode = 302;
            context.Response.Headers.Location = $"http://auth.test/login?rd={original}&method={request.Headers["X-Forwarded-Method"]}";
            context.Response.Headers.SetCookie = "hg_flow=started; path=/";
            return context.Response.WriteAsync("please sign in");
        }
    }
}
