namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>The user the daemon runs as in these tests, like the image's `app` user: when the tests run as root,
/// nobody (65534) through `setpriv` (which execs, so the pid is the daemon's); otherwise the current, already
/// unprivileged user.</summary>
public static class NonRootUser
{
    private const string Id = "65534";

    public static IReadOnlyList<string> Command(string program, IEnumerable<string> arguments) =>
        Environment.IsPrivilegedProcess
            ? ["setpriv", $"--reuid={Id}", $"--regid={Id}", "--clear-groups", program, .. arguments]
            : [program, .. arguments];

    /// <summary>Makes a directory the daemon's own (writable state dir).</summary>
    public static async Task OwnAsync(string directory)
    {
        if (Environment.IsPrivilegedProcess)
        {
            var result = await ProcessRunner.RunAsync("chown", [$"{Id}:{Id}", directory], timeout: TimeSpan.FromSeconds(10));
            Assert.True(result.ExitCode == 0, result.ToString());
        }
    }
}
