using System.Security.Cryptography;
using HomelabGate.Cluster.Crypto;
using HomelabGate.Core.State;

namespace HomelabGate.Tests.Cluster;

public sealed class ClusterSettingsTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    private string Manifest(string key) => _dir.Write("homelab.yaml", $$"""
        version: 1
        settings:
          cluster:
            etcd: { endpoints: ["http://127.0.0.1:2379", "etcd-without-port"] }
            leaseTtl: 1s
            encryptionKey: "${file:{{key}}}"
        hosts:
          app: { domains: [app.home.test], respond: { status: 200 } }

        """);

    [Theory]
    [InlineData(16, "it decodes to 16 bytes, not 32")]
    [InlineData(-1, "it is not base64")]
    public void An_encryption_key_that_is_not_32_bytes_of_base64_is_an_error_at_its_line(int length, string problem)
    {
        var key = _dir.Write("cluster.key", length < 0 ? "not base64!" : Convert.ToBase64String(RandomNumberGenerator.GetBytes(length)));

        var diagnostics = Validate(Manifest(key));

        var error = Assert.Single(diagnostics, d => d.Summary.Contains("encryptionKey", StringComparison.Ordinal));
        Assert.Equal("HG3020", error.Code);
        Assert.Equal((6, 20), (error.Location!.Line, error.Location.Column));
        Assert.EndsWith(problem, error.Summary, StringComparison.Ordinal);
        Assert.Contains(diagnostics, d => d.Summary == "'etcd-without-port' is not an etcd endpoint");
        Assert.Contains(diagnostics, d => d.Summary == "leaseTtl 1s is outside 2s…5m");
    }

    [Fact]
    public void A_32_byte_key_passes_and_sealed_secrets_open_only_with_that_key_under_that_name()
    {
        var bytes = RandomNumberGenerator.GetBytes(32);
        Assert.DoesNotContain(Validate(Manifest(_dir.Write("cluster.key", Convert.ToBase64String(bytes)))), d => d.Summary.Contains("encryptionKey", StringComparison.Ordinal));
        var cipher = new StateCipher(bytes);
        var secret = "-----BEGIN PRIVATE KEY-----\nsecret\n"u8.ToArray();

        var stored = cipher.Seal("/p/state/ca/root.key", secret, secret: true);

        Assert.Equal(-1, stored.AsSpan().IndexOf("PRIVATE KEY"u8));
        Assert.Equal(secret, cipher.Open("/p/state/ca/root.key", stored));
        Assert.ThrowsAny<CryptographicException>(() => cipher.Open("/p/state/ca/intermediate.key", stored));
        Assert.ThrowsAny<CryptographicException>(() => new StateCipher(RandomNumberGenerator.GetBytes(32)).Open("/p/state/ca/root.key", stored));
        Assert.Equal("cert"u8.ToArray(), cipher.Open("x", cipher.Seal("x", "cert"u8.ToArray(), secret: false)));
    }

    [Fact]
    public async Task Migrating_a_state_directory_copies_every_state_key_byte_for_byte_and_refuses_to_overwrite()
    {
        var from = new FileStateStorage(_dir.Combine("from"));
        await from.WriteAsync([StateWrite.Text("ca/root.key", "k", secret: true), StateWrite.Text("certificates/a/cert.pem", "c"),
            StateWrite.Text(StateKeys.Applied, "{}", secret: true), StateWrite.Text("gate.lock.info", "node-local")], default);
        var to = new FileStateStorage(_dir.Combine("to"));

        var copied = await StateMigrator.CopyAsync(from, to, replace: false, default);

        Assert.Equal(["applied.json", "ca/root.key", "certificates/a/cert.pem"], copied.Order(StringComparer.Ordinal));
        Assert.Equal("k"u8.ToArray(), to.Read("ca/root.key", secret: true));
        Assert.Null(to.Read("gate.lock.info"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => StateMigrator.CopyAsync(from, to, replace: false, default));
    }

    private static IReadOnlyList<Core.Diagnostics.Diagnostic> Validate(string path) =>
        new CliHost().Get<Application.ManifestPipeline>().Run(new Application.GatePaths(path, null)).Load.Diagnostics;

    public void Dispose() => _dir.Dispose();
}
