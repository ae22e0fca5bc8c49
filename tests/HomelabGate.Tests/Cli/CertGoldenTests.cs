using HomelabGate.Cli;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Tests.Cli;

/// <summary>list and show over fixed certificates and a fixed clock, compared byte for byte with golden files.</summary>
public sealed class CertGoldenTests : IDisposable
{
    private readonly CertificateCli _cli = new(new FakeTimeProvider(FixedCertificateState.Now));

    public CertGoldenTests() => FixedCertificateState.Write(_cli.StateDir);

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task List_prints_a_table_with_expired_and_overdue_certificates_marked()
    {
        var run = await _cli.RunAsync("cert", "list");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Golden.Match("cert-list.txt", run.Output);
    }

    [Fact]
    public async Task List_as_json_is_stable()
    {
        var run = await _cli.RunAsync("cert", "list", "-o", "json");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Golden.Match("cert-list.json", run.Output);
    }

    [Fact]
    public async Task Show_of_a_local_ca_certificate_with_an_ip_address()
    {
        var run = await _cli.RunAsync("cert", "show", "web");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Golden.Match("cert-show-web.txt", run.Output);
    }

    [Fact]
    public async Task Show_of_an_imported_rsa_certificate_due_for_renewal()
    {
        var run = await _cli.RunAsync("cert", "show", "nas");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Golden.Match("cert-show-nas.txt", run.Output);
    }
}
