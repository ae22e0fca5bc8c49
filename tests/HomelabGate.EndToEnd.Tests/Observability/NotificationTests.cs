using System.Runtime.Versioning;
using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Observability;

/// <summary>settings.notifications end to end: a real daemon posts JSON to a real receiver on loopback — a target down for
/// targetDownAfter, a certificate within 7 days of expiry, a rejected manifest, and each one's recovery — once each, with
/// the Authorization header read from a secret file, retried after the receiver refused the first post, and with no
/// secret in a body or a log line.</summary>
[SupportedOSPlatform("linux")]
public sealed class NotificationTests : IAsyncLifetime
{
    private const string Token = "Bearer s3cret-notification-token";
    private static readonly TimeSpan Bounded = TimeSpan.FromSeconds(30);

    private readonly GateWorkspace _workspace = GateWorkspace.Create();
    private WebhookReceiver _receiver = null!;
    private LoopbackServer _live = null!;
    private LoopbackServer _flaky = null!;
    private GateProcess _gate = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync(failFirst: 1);
        _live = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("live"));
        _flaky = await LoopbackServer.StartAsync(context => context.Response.WriteAsync("flaky"));
        await _flaky.StopAsync(); // down from the start; started again to recover
        Directory.CreateDirectory(_workspace.Root);
        File.WriteAllText(Path.Combine(_workspace.Root, "webhook-url"), _receiver.Url);
        File.WriteAllText(Path.Combine(_workspace.Root, "webhook-token"), Token);
        ExpiringCertificate.Write(_workspace.Root, "nas.home.test", daysLeft: 3);
        _workspace.WriteManifest(Manifest("media"));
        _gate = await GateProcess.StartAsync(_workspace);
    }

    private string Manifest(string upstream) => Manifests.Header + $$"""
          notifications:
            webhook:
              url: "${file:{{_workspace.Root}}/webhook-url}"
              headers:
                Authorization: "${file:{{_workspace.Root}}/webhook-token}"
            targetDownAfter: 1s
        certificates:
          nas: { files: { cert: "{{_workspace.Root}}/nas.crt", key: "{{_workspace.Root}}/nas.key" } }
        upstreams:
          media:
            targets: ["{{_live.Address}}", "{{_flaky.Address}}"]
            healthCheck: { path: /, interval: 1s, timeout: 1s, unhealthyThreshold: 1 }
        hosts:
          jellyfin:
            domains: [jellyfin.test]
            upstream: {{upstream}}
        """;

    [Fact]
    public async Task Each_problem_and_its_recovery_reach_the_webhook_once()
    {
        var down = await ReceivedAsync(r => r is { Event: "target-down", Status: "firing" }, "the target-down notification");
        var expiring = await ReceivedAsync(r => r is { Event: "certificate-expiring", Status: "firing" }, "the certificate-expiring notification");

        Assert.Equal($"HomelabGate: host jellyfin: target {_flaky.Address} is down", down.Title);
        Assert.Contains("connection refused", (string)down.Json["message"]!, StringComparison.Ordinal);
        Assert.Equal(Token, down.Authorization);
        Assert.StartsWith("application/json", down.ContentType, StringComparison.Ordinal);
        Assert.Equal("/hook", down.Path);
        Assert.Contains(down.Title, (string)down.Json["content"]!, StringComparison.Ordinal);
        Assert.Contains(down.Title, (string)down.Json["text"]!, StringComparison.Ordinal);
        Assert.Equal("nas", (string)expiring.Json["subject"]!["name"]!);
        Assert.Contains("expires in 2 days", expiring.Title, StringComparison.Ordinal);
        // The receiver refused the first post; it came again after the back-off, and was taken once.
        Assert.Single(_receiver.Refused);
        Assert.Contains(_receiver.Accepted, r => r.Body == _receiver.Refused[0].Body);
        OutputAssert.Contains("(it answered 500); trying again in 2s", _gate.Output, "the daemon's log");

        _workspace.WriteManifest(Manifest("meda"));
        var invalid = await ReceivedAsync(r => r is { Event: "manifest-invalid", Status: "firing" }, "the manifest-invalid notification");
        Assert.Contains("HG3001", (string)invalid.Json["message"]!, StringComparison.Ordinal);
        _workspace.WriteManifest(Manifest("media"));
        await ReceivedAsync(r => r.Json["resolves"]?.ToString() == "manifest-invalid", "the manifest's recovery");
        await _flaky.StartAsync();
        var back = await ReceivedAsync(r => r.Json["resolves"]?.ToString() == "target-down", "the target's recovery");

        Assert.Equal("recovered", back.Event);
        Assert.Equal($"HomelabGate: host jellyfin: target {_flaky.Address} is back", back.Title);
        // Many checks and two reloads later, each problem was told once.
        Assert.Single(_receiver.Accepted, r => r is { Event: "target-down" });
        Assert.Single(_receiver.Accepted, r => r is { Event: "certificate-expiring" });
        Assert.Single(_receiver.Accepted, r => r is { Event: "manifest-invalid" });
        Assert.All(_receiver.Accepted.Concat(_receiver.Refused), r => Assert.DoesNotContain("s3cret", r.Body, StringComparison.Ordinal));
        Assert.DoesNotContain("s3cret", _gate.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("/hook", _gate.Output, StringComparison.Ordinal);
    }

    private async Task<WebhookReceiver.Received> ReceivedAsync(Func<WebhookReceiver.Received, bool> match, string what)
    {
        var found = await Poll.UntilAsync(() => Task.FromResult(_receiver.Accepted.FirstOrDefault(match)), r => r is not null, what, Bounded, () => _gate.Output);
        return found!;
    }

    public async Task DisposeAsync()
    {
        if (_gate is not null)
        {
            await _gate.DisposeAsync();
        }
        await _receiver.DisposeAsync();
        await _live.DisposeAsync();
        await _flaky.DisposeAsync();
        _workspace.Dispose();
    }
}
