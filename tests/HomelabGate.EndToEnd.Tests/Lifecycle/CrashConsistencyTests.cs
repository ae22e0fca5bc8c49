using System.Diagnostics;
using System.Security.Cryptography;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Lifecycle;

/// <summary><c>kill -9</c> at random moments while <c>gate apply</c> issues 20 local-CA certificates: every crash leaves
/// a state directory the next run completes — one root, no temp files, every certificate verifies with its key — and a
/// certificate that was complete before a crash is never issued again.</summary>
public sealed class CrashConsistencyTests : IDisposable
{
    private const int Certificates = 20;
    private const int Crashes = 6;
    private readonly GateWorkspace _workspace = GateWorkspace.Create();

    private string CertificatesDir => Path.Combine(_workspace.StateDir, "certificates");

    [Fact]
    public async Task Kill_9_during_issuance_never_breaks_the_state_and_never_reissues_a_valid_certificate()
    {
        var names = Enumerable.Range(1, Certificates).Select(i => $"c{i:00}").ToList();
        _workspace.WriteManifest("version: 1\nissuers: { local: { type: local-ca } }\ncertificates:\n"
            + string.Concat(names.Select(n => $"  {n}: {{ issuer: local, domains: [{n}.home.test] }}\n")));
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        string? root = null;

        for (var crash = 0; crash < Crashes; crash++)
        {
            // Kill once a random number of further certificate folders appeared: a moment in the middle of issuing.
            var started = Folders();
            await KillWhenAsync(() => Folders() >= started + random.Next(1, Math.Max(2, (Certificates - started) / 2)));
            root ??= ReadIfExists(Path.Combine(_workspace.StateDir, "ca", "root.pem"));
            Assert.Equal(root, ReadIfExists(Path.Combine(_workspace.StateDir, "ca", "root.pem")));
            foreach (var (name, fingerprint) in await CompleteCertificatesAsync())
            {
                Assert.True(kept.GetValueOrDefault(name, fingerprint) == fingerprint, $"certificate {name} was issued again after crash {crash} (seed {seed})");
                kept[name] = fingerprint;
            }
        }

        var final = await GateCommandLine.RunAsync(_workspace, "apply");

        Assert.True(final.ExitCode == 0, $"gate apply after {Crashes} crashes (seed {seed}): {final}");
        var complete = await CompleteCertificatesAsync();
        Assert.Equal(names, complete.Keys.Order(StringComparer.Ordinal));
        Assert.All(kept, k => Assert.Equal(k.Value, complete[k.Key]));
        Assert.Empty(Directory.EnumerateFiles(_workspace.StateDir, "*.tmp", SearchOption.AllDirectories));
        var again = await GateCommandLine.RunAsync(_workspace, "plan");
        Assert.True(again.ExitCode == 0, $"gate plan after the final apply: {again}");
    }

    private int Folders() => Directory.Exists(CertificatesDir) ? Directory.GetDirectories(CertificatesDir).Length : 0;

    /// <summary>Starts gate apply and kills it with SIGKILL as soon as <paramref name="moment"/> is true (polled every few
    /// milliseconds), unless it finishes first.</summary>
    private async Task KillWhenAsync(Func<bool> moment)
    {
        var info = new ProcessStartInfo(GateBinary.DotnetHost) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in GateBinary.Arguments(["apply", "-f", _workspace.ManifestPath, "--state-dir", _workspace.StateDir]))
        {
            info.ArgumentList.Add(argument);
        }
        TestEnvironment.Apply(info);
        using var process = Process.Start(info)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var limit = Stopwatch.StartNew();
        while (!process.HasExited && !moment() && limit.Elapsed < TimeSpan.FromSeconds(60))
        {
            await Task.Delay(2);
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
    }

    /// <summary>Certificates whose cert.pem verifies against the CA with openssl and whose key matches it, by name → leaf SHA-256.</summary>
    private async Task<Dictionary<string, string>> CompleteCertificatesAsync()
    {
        var complete = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Directory.Exists(CertificatesDir))
        {
            return complete;
        }
        var caFile = Path.Combine(_workspace.Root, "ca-bundle.pem");
        await File.WriteAllTextAsync(caFile, ReadIfExists(Path.Combine(_workspace.StateDir, "ca", "root.pem")) + ReadIfExists(Path.Combine(_workspace.StateDir, "ca", "intermediate.pem")));
        foreach (var directory in Directory.GetDirectories(CertificatesDir))
        {
            var (cert, key) = (Path.Combine(directory, "cert.pem"), Path.Combine(directory, "key.pem"));
            if (!File.Exists(cert) || !File.Exists(key))
            {
                continue;
            }
            var chain = Path.Combine(directory, "chain.pem");
            var verify = await ProcessRunner.RunAsync("openssl", ["verify", "-CAfile", caFile, "-untrusted", chain, cert], timeout: TimeSpan.FromSeconds(20));
            var certKey = await ProcessRunner.RunAsync("openssl", ["x509", "-in", cert, "-noout", "-pubkey"], timeout: TimeSpan.FromSeconds(20));
            var keyKey = await ProcessRunner.RunAsync("openssl", ["pkey", "-in", key, "-pubout"], timeout: TimeSpan.FromSeconds(20));
            if (verify.ExitCode == 0 && certKey.StandardOutput == keyKey.StandardOutput)
            {
                complete[Path.GetFileName(directory)] = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(cert)));
            }
        }
        return complete;
    }

    private static string? ReadIfExists(string path) => File.Exists(path) ? File.ReadAllText(path) : null;

    public void Dispose() => _workspace.Dispose();
}
