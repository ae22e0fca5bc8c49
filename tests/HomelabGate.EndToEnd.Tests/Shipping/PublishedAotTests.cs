using System.Runtime.Versioning;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.Testing.Npm;

namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>The published gate is Native AOT: one executable, no reflection-based JSON, NJsonSchema kept by a trimmer
/// descriptor. Each command whose path is risky under AOT (the schema validator, source-generated JSON, SQLite's native
/// library, bcrypt) runs through the published binary and through the JIT build (gate.dll beside the tests), and the
/// two must answer alike, byte for byte where the output is deterministic.</summary>
[SupportedOSPlatform("linux")]
[Collection(ShippingCollection.Name)]
public sealed class PublishedAotTests(PublishedGate gate) : IDisposable
{
    private readonly TempDirectory _temp = new("hg-ship-aot-");

    [Fact]
    public async Task The_published_gate_is_one_native_executable()
    {
        var magic = new byte[4];
        await using (var file = File.OpenRead(gate.Gate))
        {
            await file.ReadExactlyAsync(magic);
        }
        Assert.Equal("\u007fELF"u8.ToArray(), magic);
        Assert.False(File.Exists(Path.Combine(gate.PublishDirectory, "gate.dll")), "a gate.dll was published: the publish is not Native AOT");
        var version = await gate.RunAsync("--version");
        Assert.True(version.ExitCode == 0, version.ToString());
    }

    [Theory]
    [InlineData("examples/homelab.yaml")]
    [InlineData("examples/access-lists.yaml")]
    [InlineData("examples/acme-dns01.yaml")]
    [InlineData("examples/dns-records.yaml")]
    [InlineData("homelab.yaml")]
    public async Task Validate_and_plan_of_a_shipped_manifest_answer_as_the_JIT_build_does(string manifest)
    {
        var path = gate.RepositoryFile(manifest);
        await AssertAlikeAsync(["validate", "-f", path], expectedExit: 0);
        await AssertAlikeAsync(["plan", "-f", path, "--no-refresh", "--state-dir", _temp.CreateDirectory("plan-" + Guid.NewGuid().ToString("N"))], expectedExit: 2, plan: true);
        await AssertAlikeAsync(["plan", "-f", path, "--no-refresh", "-o", "json", "--state-dir", _temp.CreateDirectory("plan-" + Guid.NewGuid().ToString("N"))], expectedExit: 2, plan: true);
    }

    [Fact]
    public async Task Every_kind_of_schema_and_rule_error_is_reported_at_its_line_and_column_as_the_JIT_build_does()
    {
        var path = _temp.Write("bad.yaml", """
            version: 1
            bogus: true
            settings:
              listen: { http: 8080 }
              accessLog: "yes"
            upstreams:
              media: { targets: [ "http://127.0.0.1:8096" ], loadBalancing: fastest, healthCheck: { interval: 5 parsecs } }
            hosts:
              jellyfin: { domains: [ "jellyfin.home.test" ], upstream: meda }
              nas: { domains: "nas.home.test", upstream: media }
              empty: { upstream: media }
              nothing: ~
            """);
        var (schema, _) = await AssertAlikeAsync(["validate", "-f", path], expectedExit: 1);
        foreach (var expected in new[] { "bad.yaml:2:1: error HG2001: unknown key 'bogus'", "bad.yaml:4:19: error HG2002", "bad.yaml:7:65: error HG2004",
            "bad.yaml:7:99: error HG2005", "bad.yaml:11:10: error HG2003", "9 errors" })
        {
            Assert.Contains(expected, schema.StandardOutput, StringComparison.Ordinal);
        }
        var rules = _temp.Write("rules.yaml", """
            version: 1
            upstreams:
              media: { targets: [ "http://127.0.0.1:8096" ] }
            hosts:
              jellyfin: { domains: [ "jellyfin.home.test" ], upstream: meda }
              other: { domains: [ "jellyfin.home.test" ], upstream: media }
            """);
        var (rule, _) = await AssertAlikeAsync(["validate", "-f", rules], expectedExit: 1);
        Assert.Contains("rules.yaml:5:60: error HG3001: unknown upstream 'meda'", rule.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("did you mean 'media'?", rule.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_certificate_store_drift_and_state_written_by_the_AOT_build_read_alike_in_both()
    {
        var state = _temp.CreateDirectory("state");
        var manifest = gate.RepositoryFile("examples/local-ca-wildcard.yaml");
        var apply = await gate.RunAsync("apply", "-f", manifest, "--state-dir", state);
        Assert.True(apply.ExitCode == 0, apply.ToString());
        await AssertAlikeAsync(["cert", "list", "-o", "json", "-f", manifest, "--state-dir", state], expectedExit: 0);
        await AssertAlikeAsync(["cert", "list", "-f", manifest, "--state-dir", state], expectedExit: 0);
        await AssertAlikeAsync(["ca", "export", "-f", manifest, "--state-dir", state], expectedExit: 0);
        await AssertAlikeAsync(["drift", "-o", "json", "-f", manifest, "--state-dir", state], expectedExit: null);
        await AssertAlikeAsync(["plan", "-f", manifest, "--no-refresh", "--state-dir", state], expectedExit: 0);
    }

    [Fact]
    public async Task Import_npm_reads_the_SQLite_database_through_its_native_library_and_writes_a_valid_manifest()
    {
        var npm = NpmFixtureCopy.Create(_temp.Combine("npm"));
        var output = _temp.Combine("imported.yaml");
        var import = await gate.RunAsync("import", "npm", "--data", npm.DataDirectory, "-o", output, "--secrets-dir", _temp.CreateDirectory("secrets"), "--cost", "4");
        Assert.True(import.ExitCode == 2, import.ToString()); // 2: imported, with items the fixture marks for attention
        var validate = await gate.RunAsync("validate", "-f", output);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }

    [Fact]
    public async Task Hash_password_prints_a_bcrypt_hash_that_verifies()
    {
        var result = await ProcessRunner.RunAsync(gate.Gate, ["hash-password", "--cost", "4"], standardInput: "correct horse\n");
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(BCrypt.Net.BCrypt.Verify("correct horse", result.StandardOutput.Trim()), result.ToString());
    }

    /// <summary>Runs ARGS through the published (AOT) gate and the JIT build; exit codes and output must be equal.</summary>
    private async Task<(ProcessResult Aot, ProcessResult Jit)> AssertAlikeAsync(string[] arguments, int? expectedExit, bool plan = false)
    {
        var aot = await gate.RunAsync(arguments);
        var jit = await ProcessRunner.RunAsync(GateBinary.DotnetHost, GateBinary.Arguments(arguments), timeout: TimeSpan.FromSeconds(60));
        if (expectedExit is { } code)
        {
            Assert.True(aot.ExitCode == code, $"gate {string.Join(' ', arguments)}: {aot}");
        }
        Assert.Equal(jit.ExitCode, aot.ExitCode);
        Assert.Equal(Normalize(jit.StandardOutput, plan), Normalize(aot.StandardOutput, plan));
        Assert.Equal(Normalize(jit.StandardError, plan), Normalize(aot.StandardError, plan));
        return (aot, jit);
    }

    /// <summary>Two plans from empty state directories differ only in those directories' paths.</summary>
    private string Normalize(string text, bool plan) =>
        plan ? System.Text.RegularExpressions.Regex.Replace(text, System.Text.RegularExpressions.Regex.Escape(_temp.Path) + @"/plan-[0-9a-f]{32}", "STATE") : text;

    public void Dispose() => _temp.Dispose();
}
