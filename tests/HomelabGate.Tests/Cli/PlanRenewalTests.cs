using HomelabGate.Application;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.LocalCa;
using HomelabGate.Cli;
using HomelabGate.Core.Desired;
using HomelabGate.Core.State;
using HomelabGate.Rendering;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Cli;

public sealed class PlanRenewalTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hg-renew-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Plan_shows_a_renewal_once_a_certificate_is_inside_its_window_and_exits_two()
    {
        var manifest = Path.Combine(_dir, "homelab.yaml");
        File.WriteAllText(manifest, "version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n  web: { issuer: local, domains: [web.home.test] }\n");
        var paths = new GatePaths(manifest, Path.Combine(_dir, "data"));
        var pipeline = new ManifestPipeline(ManifestFixture.Loader, new DesiredStateBuilder());
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var stateDir = paths.ResolveStateDir(null);
        await LocalCaIssuer.ForStateDirectory(stateDir, new LocalCaOptions(), time).EnsureAsync(new LeafCertificateRequest("web", ["web.home.test"]), CancellationToken.None);
        new StateStore(stateDir).SaveApplied(new AppliedState(pipeline.Run(paths).Desired!, "h", time.GetUtcNow()));
        var plan = new PlanCommand(new CommonOptions(), pipeline, new DiagnosticRenderer(), new PlanTextRenderer(), new PlanJsonRenderer(), new CertificateCheck(time));

        var fresh = new StringWriter();
        Assert.Equal(ExitCodes.Success, plan.Execute(paths, OutputFormat.Text, fresh, TextWriter.Null));

        time.Advance(TimeSpan.FromDays(61));
        var due = new StringWriter();
        Assert.Equal(ExitCodes.Changes, plan.Execute(paths, OutputFormat.Text, due, TextWriter.Null));
        Assert.Contains("~ renew certificate web (local, web.home.test)", due.ToString(), StringComparison.Ordinal);
    }
}
