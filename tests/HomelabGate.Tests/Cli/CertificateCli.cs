using HomelabGate.Certificates.Trust;
using HomelabGate.Cli.Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace HomelabGate.Tests.Cli;

/// <summary>The <c>gate ca</c> and <c>gate cert</c> commands from the composition root, over a temp directory holding the
/// state dir, a fake home (no ~/.pki/nssdb) and a system trust store whose every directory update-ca-certificates
/// touches is redirected into the temp directory: the machine's real trust is never changed.</summary>
public sealed class CertificateCli : IDisposable
{
    public CertificateCli(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        foreach (var directory in new[] { Home, SystemLocal, SystemShare, SystemEtc, SystemHooks })
        {
            Directory.CreateDirectory(directory);
        }
        File.WriteAllText(Path.Combine(Root, "system", "ca-certificates.conf"), "");
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("hg-cacli-").FullName;
    public TimeProvider Time { get; }
    public string StateDir => Path.Combine(Root, "data");
    public string Home => Path.Combine(Root, "home");
    public string SystemLocal => Path.Combine(Root, "system", "local");
    public string SystemEtc => Path.Combine(Root, "system", "etc");
    private string SystemShare => Path.Combine(Root, "system", "share");
    private string SystemHooks => Path.Combine(Root, "system", "hooks");

    /// <summary>What the next command reads on standard input.</summary>
    public string Stdin { get; set; } = "";

    public SystemTrustStoreOptions SystemStore => new()
    {
        Directory = SystemLocal,
        UpdateArguments =
        [
            "--certsconf", Path.Combine(Root, "system", "ca-certificates.conf"), "--certsdir", SystemShare,
            "--localcertsdir", SystemLocal, "--etccertsdir", SystemEtc, "--hooksdir", SystemHooks,
        ],
    };

    public string RootPemPath => Path.Combine(StateDir, "ca", "root.pem");

    /// <summary>A real local CA and a leaf "web" (and <paramref name="moreLeaves"/>), created by a real <c>gate apply</c>.</summary>
    public async Task CreateCaAsync(params string[] moreLeaves)
    {
        var manifest = Path.Combine(Root, "ca-setup.yaml");
        var certificates = string.Concat(moreLeaves.Prepend("web").Select(n => $"  {n}: {{ issuer: local, domains: [{n}.home.test] }}\n"));
        File.WriteAllText(manifest, $"version: 1\nissuers: {{ local: {{ type: local-ca }} }}\ncertificates:\n{certificates}");
        var applied = await new CliHost().RunAsync("apply", "-f", manifest, "--state-dir", StateDir);
        Assert.True(applied.ExitCode == 0, applied.ToString());
    }

    /// <summary>Runs <c>gate ARGS --state-dir DIR</c>.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunRawAsync([.. args, "--state-dir", StateDir]);

    public Task<CliRun> RunRawAsync(params string[] args) => new CliHost(services =>
    {
        services.Replace(ServiceDescriptor.Singleton(Time));
        services.Replace(ServiceDescriptor.Singleton<TextReader>(new StringReader(Stdin)));
        services.Replace(ServiceDescriptor.Singleton(new TrustStoreSelector(SystemStore, new HomelabGate.Certificates.Trust.ProcessRunner(), Home)));
    }).RunAsync(args);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
