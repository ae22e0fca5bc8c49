using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>A daemon in front of upstreams that report exactly what reached them (<see cref="RawTargetEcho"/>): one
/// for the host, one for its stripped <c>/admin</c> location and one for its unstripped <c>/keep</c> location, a host
/// behind forward auth (whose server hands the X-Forwarded-Uri it got back as Remote-Uri), and 127.0.0.2 as the one
/// trusted proxy (clients connect from 127.0.0.1, untrusted).</summary>
public sealed class RequestHandlingDaemon : FeatureDaemon
{
    public LoopbackServer Host { get; private set; } = null!;

    public LoopbackServer Admin { get; private set; } = null!;

    public LoopbackServer Keep { get; private set; } = null!;

    /// <summary>Requests that reached any upstream.</summary>
    public int UpstreamRequests => Host.Requests + Admin.Requests + Keep.Requests;

    protected override async Task<string> StartServersAsync()
    {
        Host = Own(await LoopbackServer.StartAsync(context => Named(context, "host")));
        Admin = Own(await LoopbackServer.StartAsync(context => Named(context, "admin")));
        Keep = Own(await LoopbackServer.StartAsync(context => Named(context, "keep")));
        var auth = Own(await LoopbackServer.StartAsync(context =>
        {
            context.Response.Headers["Remote-User"] = "alice";
            context.Response.Headers["Remote-Groups"] = "users";
            context.Response.Headers["Remote-Uri"] = context.Request.Headers["X-Forwarded-Uri"];
            return Task.CompletedTask;
        }));
        return Manifests.Header.Replace("settings:\n", "settings:\n  trustedProxies: [127.0.0.2/32]\n", StringComparison.Ordinal) + $$"""
            upstreams:
              admin-app: { targets: ["{{Admin.Address}}"] }
              keep-app: { targets: ["{{Keep.Address}}"] }
            hosts:
              app:
                domains: [app.test]
                to: {{Host.Address}}
                locations:
                  - { path: /admin, upstream: admin-app, stripPrefix: true }
                  - { path: /keep/, upstream: keep-app }
              sso:
                domains: [sso.test]
                to: {{Host.Address}}
                forwardAuth:
                  url: {{auth.Address}}/verify
                  copyHeaders: [Remote-User, Remote-Groups, Remote-Uri]
              moved:
                domains: [moved.test]
                redirect: { to: "https://new.test", status: 301 }
            """;
    }

    private static Task Named(HttpContext context, string name)
    {
        context.Response.Headers["X-Served-By"] = name;
        return RawTargetEcho.HandleAsync(context);
    }
}
