namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>Real `git` on a bare "origin" and its clones, with no user or system configuration involved.</summary>
public sealed class GitRepository(string root)
{
    public string Origin { get; } = Path.Combine(root, "origin.git");

    public Task CreateOriginAsync() => GitAsync(root, "init", "--quiet", "--bare", "--initial-branch=main", Origin);

    public async Task<string> CloneAsync(string name)
    {
        var path = Path.Combine(root, name);
        await GitAsync(root, "clone", "--quiet", Origin, path);
        return path;
    }

    /// <summary>Writes homelab.yaml in the clone, commits it and pushes to origin's main.</summary>
    public async Task CommitAndPushAsync(string clone, string manifest, string message)
    {
        await File.WriteAllTextAsync(Path.Combine(clone, "homelab.yaml"), manifest);
        await GitAsync(clone, "add", "homelab.yaml");
        await GitAsync(clone, "commit", "--quiet", "-m", message);
        await GitAsync(clone, "push", "--quiet", "origin", "HEAD:main");
    }

    /// <summary>What the GitOps timer runs: `git -C DIR pull --ff-only`.</summary>
    public Task PullAsync(string clone) => GitAsync(root, "-C", clone, "pull", "--quiet", "--ff-only", "origin", "main");

    /// <summary>No user or system git configuration, and no prompt: what a timer or CI job sees.</summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_AUTHOR_NAME"] = "HomelabGate tests",
        ["GIT_COMMITTER_NAME"] = "HomelabGate tests",
        ["GIT_AUTHOR_EMAIL"] = "tests@home.test",
        ["GIT_COMMITTER_EMAIL"] = "tests@home.test",
        ["GIT_TERMINAL_PROMPT"] = "0",
    };

    public async Task GitAsync(string workingDirectory, params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("git", arguments, environment: Environment, timeout: TimeSpan.FromSeconds(60), workingDirectory: workingDirectory);
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed: {result}");
    }
}
