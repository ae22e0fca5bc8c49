using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Dns;

/// <summary>A relative hosts-file path is relative to the manifest's folder, as stateDir is, not to the directory gate
/// is started from (under systemd, /).</summary>
public sealed class RelativePathTests : IDisposable
{
    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    [Fact]
    public async Task Gate_apply_from_another_working_directory_writes_a_relative_hosts_file_beside_the_manifest()
    {
        _workspace.WriteManifest(Manifests.Header + """
            dns:
              provider: { type: hosts-file, path: ./hosts }
              records:
                - { name: nas.home.test, type: A, value: 192.168.1.5 }

            """);
        var elsewhere = Directory.CreateDirectory(Path.Combine(_workspace.Root, "elsewhere")).FullName;

        var apply = await GateCommandLine.RunAsync("apply", _workspace.ManifestPath, _workspace.StateDir, elsewhere);

        Assert.True(apply.ExitCode == 0, $"gate apply: {apply}");
        var beside = Path.Combine(Path.GetDirectoryName(_workspace.ManifestPath)!, "hosts");
        OutputAssert.Contains("192.168.1.5 nas.home.test", await File.ReadAllTextAsync(beside), "the hosts file beside the manifest");
        Assert.False(File.Exists(Path.Combine(elsewhere, "hosts")), "nothing is written relative to the working directory");
    }

    public void Dispose() => _workspace.Dispose();
}
