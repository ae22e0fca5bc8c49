using System.Text.Json;
using HomelabGate.Cli;

namespace HomelabGate.Tests.Cli;

/// <summary>list and show over certificates the real local CA issued now (so dates vary: the structure is asserted).</summary>
public sealed class CertCommandTests : IDisposable
{
    private readonly CertificateCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private string CertPem(string name) => Path.Combine(_cli.StateDir, "certificates", name, "cert.pem");

    [Fact]
    public async Task List_shows_one_row_per_certificate_with_its_issuer_domains_and_fingerprint()
    {
        await _cli.CreateCaAsync("db");
        var run = await _cli.RunAsync("cert", "list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.Matches(@"^NAME\s+ISSUER\s+DOMAINS\s+NOT AFTER\s+DAYS LEFT\s+RENEWAL DUE\s+FINGERPRINT$", lines[0]);
        Assert.Matches(@"^db\s+HomelabGate Intermediate CA [0-9a-f]{8}\s+db\.home\.test\s+\d{4}-\d\d-\d\d\s+89 days\s+\d{4}-\d\d-\d\d\s+[0-9A-F]{16}$", lines[1]);
        Assert.StartsWith("web ", lines[2], StringComparison.Ordinal);
        var fingerprint = (await Tools.FingerprintAsync(CertPem("web"))).Replace(":", "", StringComparison.Ordinal);
        Assert.EndsWith(fingerprint[..16], lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_as_json_carries_every_field_for_scripts()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("cert", "list", "-o", "json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var web = Assert.Single(JsonDocument.Parse(run.Output).RootElement.EnumerateArray());
        Assert.Equal("web", web.GetProperty("name").GetString());
        Assert.Equal(["web.home.test"], web.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(89, web.GetProperty("daysLeft").GetInt32());
        Assert.False(web.GetProperty("renewalDueNow").GetBoolean());
        Assert.Equal("local CA", web.GetProperty("source").GetString());
        Assert.Equal("ECDSA P-256", web.GetProperty("keyType").GetString());
        Assert.Equal(await Tools.FingerprintAsync(CertPem("web")), web.GetProperty("sha256Fingerprint").GetString());
    }

    [Fact]
    public async Task List_of_an_empty_store_says_how_certificates_get_there()
    {
        var run = await _cli.RunAsync("cert", "list");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("No certificates in", run.Output, StringComparison.Ordinal);
        Assert.Contains("gate apply or gate run issues them", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_reports_a_damaged_entry_after_the_table_instead_of_failing()
    {
        await _cli.CreateCaAsync();
        var broken = Path.Combine(_cli.StateDir, "certificates", "broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "cert.pem"), "not a certificate\n");

        var run = await _cli.RunAsync("cert", "list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var lines = run.Output.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.StartsWith("web ", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("broken: unreadable: ", lines[2], StringComparison.Ordinal);
        Assert.Contains("does not contain a PEM certificate", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_prints_names_issuer_validity_key_source_and_the_fingerprint_openssl_computes()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("cert", "show", "web");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var text = run.Output.ReplaceLineEndings("\n");
        Assert.StartsWith("Certificate web\n", text, StringComparison.Ordinal);
        Assert.Contains("  Names (SANs):  web.home.test\n", text, StringComparison.Ordinal);
        Assert.Matches(@"  Issuer:        CN=HomelabGate Intermediate CA [0-9a-f]{8}, O=HomelabGate\n", text);
        Assert.Matches(@"  Valid until:   \d{4}-\d\d-\d\d \d\d:\d\d UTC \(89 days left\)\n", text);
        Assert.Matches(@"  Renewal due:   \d{4}-\d\d-\d\d \d\d:\d\d UTC\n", text);
        Assert.Contains("  Key type:      ECDSA P-256\n", text, StringComparison.Ordinal);
        Assert.Contains("  Source:        local CA\n", text, StringComparison.Ordinal);
        Assert.Contains($"  SHA-256:       {await Tools.FingerprintAsync(CertPem("web"))}\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_a_misspelled_name_fails_and_suggests_the_closest_one()
    {
        await _cli.CreateCaAsync("media");
        var run = await _cli.RunAsync("cert", "show", "webb");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("error: there is no certificate named 'webb' in", run.Error, StringComparison.Ordinal);
        Assert.Contains("  = hint: did you mean 'web'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_of_a_name_like_nothing_in_the_store_lists_the_names_there_are()
    {
        await _cli.CreateCaAsync("media");
        var run = await _cli.RunAsync("cert", "show", "jellyfin");

        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("  = hint: gate cert list shows them all (media, web)", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_never_leaves_the_store_for_a_name_with_a_path_in_it()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("cert", "show", "../ca");
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("there is no certificate named '../ca'", run.Error, StringComparison.Ordinal);
    }
}
