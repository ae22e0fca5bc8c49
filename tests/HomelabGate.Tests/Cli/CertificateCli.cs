using System.CommandLine;
using HomelabGate.Application;
using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Inspection;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Storage;
using HomelabGate.Certificates.Trust;
using HomelabGate.Cli;
using HomelabGate.Cli.Certificates;
using HomelabGate.Core.Desired;

namespace HomelabGate.Tests.Cli;

/// <summary>The <c>gate ca</c> and <c>gate cert</c> commands wired as in Program.cs, over a temp directory holding the
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

    /// <summary>A real local CA and a leaf "web", as the daemon would create them.</summary>
    public async Task CreateCaAsync(params string[] moreLeaves)
    {
        var issuer = LocalCaIssuer.ForStateDirectory(StateDir, new LocalCaOptions(), TimeProvider.System);
        foreach (var name in moreLeaves.Prepend("web"))
        {
            await issuer.EnsureAsync(new LeafCertificateRequest(name, [$"{name}.home.test"]), CancellationToken.None);
        }
    }

    /// <summary>Runs <c>gate ARGS --state-dir DIR</c>.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunRawAsync([.. args, "--state-dir", StateDir]);

    public async Task<CliRun> RunRawAsync(params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await Commands().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private RootCommand Commands()
    {
        var options = new CommonOptions();
        var locator = new StateDirectoryLocator(new ManifestPipeline(ManifestFixture.Loader, new DesiredStateBuilder()));
        var pem = new PemFileReader();
        var roots = new CaRootResolver(options, locator, new CaRootLoader(pem));
        var selector = new TrustStoreSelector(SystemStore, new ProcessRunner(), Home);
        var catalog = new CertificateCatalog(new CertificateInfoReader(Time, new RenewalWindow()), pem, Time);
        var ca = new CaCommand(
            new CaExportCommand(options, roots, new RootExporter(), new StringReader(Stdin)),
            new CaTrustCommand(options, roots, new TrustTargetOptions(selector), new TrustStoreChanger()));
        var cert = new CertCommand(
            new CertListCommand(options, locator, catalog, new CertificateTableRenderer(), new CertificateJsonRenderer()),
            new CertShowCommand(options, locator, catalog, new CertificateDetailRenderer()));
        return new RootCommand { ca.Build(), cert.Build() };
    }
}
