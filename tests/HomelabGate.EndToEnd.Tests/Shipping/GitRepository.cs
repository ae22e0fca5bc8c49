namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>Real `git` on a bare "origin" and its clones, with no user or system configuration involved.</summary>
public sealed class GitRepository(string root)
{
    public string Origin { get; } = Path.Combine(root, "origin.git");

    public void CreateOrigin() => Git(root, "init", "--quiet", "--bare", "--initial-branch=main", Origin);

    public string Clone(string name)
    {
        var path = Path.Combine(root, name);
        Git(root, "clone", "--quiet", Origin, path);
        return path;
    }

    /// <summary>Writes homelab.yaml in the clone, commits it and pushes to origin's main.</summary>
    public void CommitAndPush(string clone, string manifest, string message)
    {
        File.WriteAllText(Path.Combine(clone, "homelab.yaml"), manifest);
        Git(clone, "add", "homelab.yaml");
        Git(clone, "commit", "--quiet", "-m", message);
        Git(clone, "push", "--quiet", "origin", "HEAD:main");
    }

    /// <summary>What the GitOps timer runs: `git -C DIR pull --ff-only`.</summary>
    public void Pull(string clone) => Git(root, "-C", clone, "pull", "--quiet", "--ff-only", "origin", "main");

    public void Git(string workingDirectory, params string[] arguments)
    {
        var result = ProcessRun.Run("git", arguments, TimeSpan.FromSeconds(60), workingDirectory, e =>
        {
            e["GIT_CONFIG_NOSYSTEM"] = "1";
            e["GIT_CONFIG_GLOBAL"] = "/dev/null";
            e["GIT_AUTHOR_NAME"] = e["GIT_COMMITTER_NAME"] = "HomelabGate tests";
            e["GIT_AUTHOR_EMAIL"] = e["GIT_COMMITTER_EMAIL"] = "tests@home.test";
            e["GIT_TERMINAL_PROMPT"] = "0";
        });
        Assert.True(result.ExitCode == 0, $"git {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.Output}{result.Error}");
    }
}
