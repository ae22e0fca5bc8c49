namespace HomelabGate.Tests.State;

/// <summary>The state directory holds the CA, private keys and DNS ownership: every folder gate creates in it is 0700.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class StateDirectoryModeTests : IDisposable
{
    private readonly TempDirectory _dir = new("hg-state-mode-");

    [Fact]
    public async Task Gate_apply_creates_the_state_directory_and_its_folders_for_the_owner_only()
    {
        var manifest = _dir.Write("homelab.yaml",
            "version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n  web: { issuer: local, domains: [web.home.test] }\n");
        var stateDir = _dir.Combine("var", "lib", "gate");

        var apply = await new CliHost().RunAsync("apply", "-f", manifest, "--state-dir", stateDir);

        Assert.True(apply.ExitCode == 0, apply.ToString());
        var folders = new[] { stateDir, Path.Combine(stateDir, "ca"), Path.Combine(stateDir, "certificates"), Path.Combine(stateDir, "certificates", "web") };
        Assert.All(folders, folder => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder)));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(stateDir, "certificates", "web", "key.pem")));
    }

    public void Dispose() => _dir.Dispose();
}
