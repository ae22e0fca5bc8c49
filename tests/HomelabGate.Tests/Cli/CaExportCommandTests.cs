using HomelabGate.Cli;

namespace HomelabGate.Tests.Cli;

public sealed class CaExportCommandTests : IDisposable
{
    private readonly CertificateCli _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Pem_export_to_standard_output_is_exactly_the_root_in_the_state_dir()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("ca", "export");
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(File.ReadAllText(_cli.RootPemPath), run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Pem_export_to_a_file_writes_the_root_and_says_where()
    {
        await _cli.CreateCaAsync();
        var file = Path.Combine(_cli.Root, "root.pem");
        var run = await _cli.RunAsync("ca", "export", "-o", file);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(File.ReadAllText(_cli.RootPemPath), File.ReadAllText(file));
        Assert.StartsWith("Wrote HomelabGate Root CA ", run.Output, StringComparison.Ordinal);
        Assert.EndsWith($"(PEM) to {file}\n", run.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Der_export_is_read_by_openssl_as_the_same_certificate()
    {
        await _cli.CreateCaAsync();
        var file = Path.Combine(_cli.Root, "root.der");
        var run = await _cli.RunAsync("ca", "export", "--format", "der", "-o", file);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var parsed = await Tools.OpensslAsync("x509", "-inform", "der", "-in", file, "-noout", "-subject", "-fingerprint", "-sha256");
        Assert.Equal(0, parsed.ExitCode);
        Assert.Contains("HomelabGate Root CA", parsed.StandardOutput, StringComparison.Ordinal);
        Assert.Contains(await Tools.FingerprintAsync(_cli.RootPemPath), parsed.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task P12_export_opens_with_the_password_from_stdin_and_holds_the_root_but_no_key()
    {
        await _cli.CreateCaAsync();
        var file = Path.Combine(_cli.Root, "root.p12");
        _cli.Stdin = "correct horse\n";
        var run = await _cli.RunAsync("ca", "export", "--format", "p12", "-o", file, "--password-stdin");
        Assert.Equal(ExitCodes.Success, run.ExitCode);

        var certificates = await Tools.OpensslAsync("pkcs12", "-in", file, "-nokeys", "-passin", "pass:correct horse");
        Assert.Equal(0, certificates.ExitCode);
        Assert.Contains(File.ReadAllText(_cli.RootPemPath).Trim(), certificates.StandardOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var keys = await Tools.OpensslAsync("pkcs12", "-in", file, "-nocerts", "-nodes", "-passin", "pass:correct horse");
        Assert.Equal(0, keys.ExitCode);
        Assert.DoesNotContain("PRIVATE KEY", keys.StandardOutput, StringComparison.Ordinal);
        var wrong = await Tools.OpensslAsync("pkcs12", "-in", file, "-nokeys", "-passin", "pass:wrong");
        Assert.NotEqual(0, wrong.ExitCode);
    }

    [Fact]
    public async Task P12_export_refuses_an_empty_password_and_writes_nothing()
    {
        await _cli.CreateCaAsync();
        var file = Path.Combine(_cli.Root, "root.p12");
        _cli.Stdin = "\n";
        var run = await _cli.RunAsync("ca", "export", "--format", "p12", "-o", file, "--password-stdin");
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("password read from standard input is empty", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task P12_export_without_password_stdin_explains_how_to_pass_one()
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("ca", "export", "--format", "p12", "-o", Path.Combine(_cli.Root, "root.p12"));
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Contains("--password-stdin", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("der")]
    [InlineData("p12")]
    public async Task Binary_formats_are_never_written_to_standard_output(string format)
    {
        await _cli.CreateCaAsync();
        var run = await _cli.RunAsync("ca", "export", "--format", format);
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("binary", run.Error, StringComparison.Ordinal);
        Assert.Contains($"-o homelabgate-root.{(format == "der" ? "der" : "p12")}", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_before_any_ca_exists_says_to_run_apply_first()
    {
        var run = await _cli.RunAsync("ca", "export");
        Assert.Equal(ExitCodes.Error, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("there is no local CA in", run.Error, StringComparison.Ordinal);
        Assert.Contains("run gate apply or gate run first", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_state_dir_comes_from_the_manifest_when_no_state_dir_is_given()
    {
        var manifest = Path.Combine(_cli.Root, "homelab.yaml");
        File.WriteAllText(manifest, "version: 1\nsettings:\n  stateDir: data\n");
        await _cli.CreateCaAsync();
        var run = await _cli.RunRawAsync("ca", "export", "-f", manifest);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(File.ReadAllText(_cli.RootPemPath), run.Output);
    }

    [Fact]
    public async Task An_invalid_manifest_falls_back_to_the_data_folder_next_to_it()
    {
        var manifest = Path.Combine(_cli.Root, "homelab.yaml");
        File.WriteAllText(manifest, "version: 1\nsettings:\n  stateDir: elsewhere\nhosts: [not, a, map\n");
        await _cli.CreateCaAsync();
        var run = await _cli.RunRawAsync("ca", "export", "-f", manifest);
        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(File.ReadAllText(_cli.RootPemPath), run.Output);
    }
}
