using System.Net;
using System.Runtime.Versioning;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>The GitOps loop of deploy/README.md with real git: the manifest lives in a repository, a timer runs
/// `git pull --ff-only` in the folder the daemon watches, and CI runs `gate plan` on pull requests.</summary>
[SupportedOSPlatform("linux")]
[Collection(ShippingCollection.Name)]
public sealed class GitOpsTests(PublishedGate gate) : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private readonly TempDirectory _temp = new("hg-ship-gitops-");
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task A_host_pushed_from_another_clone_is_served_after_git_pull_in_the_watched_clone()
    {
        var ports = FreePorts.Take(2);
        var repository = new GitRepository(_temp.Path);
        repository.CreateOrigin();
        var laptop = repository.Clone("laptop");
        repository.CommitAndPush(laptop, Manifest(ports[0], ports[1], withWiki: false), "Serve hello");
        var server = repository.Clone("etc-homelabgate");
        var state = _temp.CreateDirectory("state");
        // --resync-seconds far beyond the deadline: the change must arrive through the folder watch, not the timer.
        using var daemon = new RunningGate(
            [gate.Gate, "run", "-f", Path.Combine(server, "homelab.yaml"), "--state-dir", state, "--resync-seconds", "3600"],
            _temp.Path, new Dictionary<string, string>(), clearEnvironment: false);
        await daemon.WaitForAsync(_http, () => Get(ports[0], "hello.home.test"), HttpStatusCode.OK, Deadline);
        await daemon.WaitForAsync(_http, () => Get(ports[0], "wiki.home.test"), HttpStatusCode.NotFound, Deadline);

        repository.CommitAndPush(laptop, Manifest(ports[0], ports[1], withWiki: true), "Add the wiki");
        repository.Pull(server);

        var body = await daemon.WaitForAsync(_http, () => Get(ports[0], "wiki.home.test"), HttpStatusCode.OK, Deadline);
        Assert.Equal("wiki\n", body);
        Assert.Equal(0, daemon.Terminate(TimeSpan.FromSeconds(15)).ExitCode);
    }

    [Fact]
    public void Gate_plan_in_CI_exits_2_for_a_pull_request_that_changes_hosts_and_0_for_one_that_does_not()
    {
        var repository = new GitRepository(_temp.Path);
        repository.CreateOrigin();
        var main = repository.Clone("main");
        repository.CommitAndPush(main, Manifest(18080, 19180, withWiki: false), "Serve hello");
        var pullRequest = repository.Clone("pull-request");
        var baseState = _temp.Combine("base-state");

        // CI: record the target branch's manifest as applied in a scratch state dir, then plan the PR against it.
        Assert.Equal(0, gate.Run("apply", "-f", Path.Combine(main, "homelab.yaml"), "--state-dir", baseState).ExitCode);
        var unchanged = gate.Run("plan", "-f", Path.Combine(pullRequest, "homelab.yaml"), "--state-dir", baseState);
        File.WriteAllText(Path.Combine(pullRequest, "homelab.yaml"), Manifest(18080, 19180, withWiki: true));
        var changed = gate.Run("plan", "-f", Path.Combine(pullRequest, "homelab.yaml"), "--state-dir", baseState);

        Assert.True(unchanged.ExitCode == 0, unchanged.Output + unchanged.Error);
        Assert.True(changed.ExitCode == 2, changed.Output + changed.Error);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", changed.Output, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _http.Dispose();
        _temp.Dispose();
    }

    private static HttpRequestMessage Get(int port, string host) =>
        new(HttpMethod.Get, $"http://127.0.0.1:{port}/") { Headers = { Host = host } };

    private static string Manifest(int proxyPort, int adminPort, bool withWiki) => $$"""
        version: 1
        settings:
          listen:
            http: "127.0.0.1:{{proxyPort}}"
          admin: "127.0.0.1:{{adminPort}}"
        hosts:
          hello:
            domains: [hello.home.test]
            respond: { status: 200, body: "hello\n" }
        """ + (withWiki ? """

          wiki:
            domains: [wiki.home.test]
            respond: { status: 200, body: "wiki\n" }

        """ : "\n");
}
