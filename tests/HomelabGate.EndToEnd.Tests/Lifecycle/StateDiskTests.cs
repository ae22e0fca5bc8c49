using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary>A state directory on a full disk or a read-only mount (a real tmpfs, mounted in a private mount namespace so
/// the machine's mounts are untouched): one line naming the file and the cause, exit 1, and nothing half-written.</summary>
public sealed class StateDiskTests : IDisposable
{
    private const string Manifest = """
        version: 1
        issuers: { local: { type: local-ca } }
        certificates:
          web: { issuer: local, domains: [web.home.test] }
          nas: { issuer: local, domains: [nas.home.test] }

        """;

    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    [Fact]
    public async Task A_full_disk_during_gate_apply_is_one_line_naming_the_file_and_leaves_no_temp_files()
    {
        // Three pages: the lock note and the first CA files fit, then the disk is full.
        var result = await ApplyOnTmpfsAsync("size=12k");

        Assert.True(result.ExitCode == 1, $"gate apply on a full disk: {result}");
        OutputAssert.Contains("the disk is full (no space left on device)", result.StandardOutput + result.StandardError, "gate apply");
        OutputAssert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, "gate apply (a stack trace)");
        Assert.Empty(TempFilesLeft(result));
    }

    [Fact]
    public async Task A_read_only_state_directory_is_one_line_and_exit_1()
    {
        var result = await ApplyOnTmpfsAsync("ro");

        Assert.True(result.ExitCode == 1, $"gate apply on a read-only state directory: {result}");
        OutputAssert.Contains($"gate: cannot write '{Path.Combine(_workspace.StateDir, "gate.lock")}': the file system is read-only",
            result.StandardError, "gate apply stderr");
        OutputAssert.DoesNotContain("   at ", result.StandardOutput + result.StandardError, "gate apply (a stack trace)");
    }

    /// <summary>Runs gate apply with the state directory on a fresh tmpfs mounted with <paramref name="options"/>, in a
    /// user and mount namespace of its own; prints what is left in it afterwards (after a line "--- left:").</summary>
    private Task<ProcessResult> ApplyOnTmpfsAsync(string options)
    {
        Directory.CreateDirectory(_workspace.StateDir);
        _workspace.WriteManifest(Manifest);
        IEnumerable<string> command = [GateBinary.DotnetHost, .. GateBinary.Arguments(["apply", "-f", _workspace.ManifestPath, "--state-dir", _workspace.StateDir])];
        var gate = string.Join(' ', command.Select(a => $"'{a}'"));
        var script = $"mount -t tmpfs -o {options} tmpfs '{_workspace.StateDir}' || exit 97\n{gate}\ncode=$?\necho '--- left:'\nfind '{_workspace.StateDir}' -name '*.tmp'\nexit $code\n";
        return ProcessRunner.RunAsync("unshare", ["--user", "--map-root-user", "--mount", "sh", "-c", script], timeout: TimeSpan.FromSeconds(60), workingDirectory: _workspace.Root);
    }

    private static IEnumerable<string> TempFilesLeft(ProcessResult result) =>
        result.StandardOutput[(result.StandardOutput.IndexOf("--- left:", StringComparison.Ordinal) + 9)..]
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Dispose() => _workspace.Dispose();
}
