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
        await repository.CreateOriginAsync();
        var laptop = await repository.CloneAsync("laptop");
        await repository.CommitAndPushAsync(laptop, Manifest(ports[0], ports[1], withWiki: false), "Serve hello");
        var server = await repository.CloneAsync("etc-homelabgate");
        var state = _temp.CreateDirectory("state");
        // --resync-seconds far beyond the deadline: the change must arrive through the folder watch, not the timer.
        using var daemon = new RunningGate(
            [gate.Gate, "run", "-f", Path.Combine(server, "homelab.yaml"), "--state-dir", state, "--resync-seconds", "3600"],
            _temp.Path, new Dictionary<string, string>(), clearEnvironment: false);
        await daemon.WaitForAsync(_http, () => Get(ports[0], "hello.home.test"), HttpStatusCode.OK, Deadline);
        await daemon.WaitForAsync(_http, () => Get(ports[0], "wiki.home.test"), HttpStatusCode.NotFound, Deadline);

        await repository.CommitAndPushAsync(laptop, Manifest(ports[0], ports[1], withWiki: true), "Add the wiki");
        await repository.PullAsync(server);

        var body = await daemon.WaitForAsync(_http, () => Get(ports[0], "wiki.home.test"), HttpStatusCode.OK, Deadline);
        Assert.Equal("wiki\n", body);
        Assert.Equal(0, (await daemon.TerminateAsync(TimeSpan.FromSeconds(15))).ExitCode);
    }

    [Fact]
    public async Task The_CI_recipe_of_deploy_README_plans_a_pull_request_against_main_and_fails_only_an_invalid_one()
    {
        var repository = new GitRepository(_temp.Path);
        await repository.CreateOriginAsync();
        var main = await repository.CloneAsync("main");
        await repository.CommitAndPushAsync(main, Manifest(18080, 19180, withWiki: false), "Serve hello");
        var pullRequest = await repository.CloneAsync("pull-request");
        var recipe = CiRecipe(File.ReadAllText(gate.RepositoryFile("deploy/README.md")));

        var unchanged = await RunRecipeAsync(recipe, pullRequest);
        File.WriteAllText(Path.Combine(pullRequest, "homelab.yaml"), Manifest(18080, 19180, withWiki: true));
        var changed = await RunRecipeAsync(recipe, pullRequest);
        File.WriteAllText(Path.Combine(pullRequest, "homelab.yaml"), Manifest(18080, 19180, withWiki: true).Replace("respond:", "respnd:", StringComparison.Ordinal));
        var invalid = await RunRecipeAsync(recipe, pullRequest);

        Assert.True(unchanged.ExitCode == 0, unchanged.StandardOutput + unchanged.StandardError);
        Assert.Contains("does not change the homelab", unchanged.StandardOutput, StringComparison.Ordinal);
        Assert.True(changed.ExitCode == 0, changed.StandardOutput + changed.StandardError);
        Assert.Contains("+ host wiki", changed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Plan: 1 to add, 0 to change, 0 to destroy.", changed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("changes the homelab", changed.StandardOutput, StringComparison.Ordinal);
        Assert.True(invalid.ExitCode == 1, invalid.StandardOutput + invalid.StandardError);
        Assert.Contains("respnd", invalid.StandardOutput + invalid.StandardError, StringComparison.Ordinal);
        // No state directory, no leftovers: the plan read the two manifests only.
        Assert.Equal(["homelab.yaml"], Directory.GetFileSystemEntries(pullRequest).Select(Path.GetFileName).Where(n => n != ".git"));
    }

    /// <summary>The shell block under "CI checks pull requests", as a reader would copy it.</summary>
    private static string CiRecipe(string readme)
    {
        var section = readme[readme.IndexOf("**CI checks pull requests.**", StringComparison.Ordinal)..];
        var start = section.IndexOf("```sh\n", StringComparison.Ordinal) + "```sh\n".Length;
        var block = section[start..section.IndexOf("```", start, StringComparison.Ordinal)];
        return string.Join('\n', block.Split('\n').Select(l => l.StartsWith("   ", StringComparison.Ordinal) ? l[3..] : l.TrimStart()));
    }

    private Task<ProcessResult> RunRecipeAsync(string recipe, string clone) =>
        ProcessRunner.RunAsync("sh", ["-c", recipe],
            environment: new Dictionary<string, string>(GitRepository.Environment)
            {
                ["PATH"] = $"{gate.PublishDirectory}:{Environment.GetEnvironmentVariable("PATH")}",
            },
            timeout: TimeSpan.FromSeconds(120), workingDirectory: clone);

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
