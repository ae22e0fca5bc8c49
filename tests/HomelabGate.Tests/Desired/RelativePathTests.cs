using HomelabGate.Application;
using HomelabGate.Core.Desired;

namespace HomelabGate.Tests.Desired;

/// <summary>Every relative path in a manifest is relative to the manifest's folder (like stateDir), whatever the working
/// directory is: under systemd it is /, in a shell wherever the user stands.</summary>
public sealed class RelativePathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("hg-paths-").FullName;

    private const string Manifest = """
        version: 1
        settings:
          adminToken: "${file:secrets/admin-token}"
        dns:
          provider: { type: hosts-file, path: ./dns/hosts }
        upstreams:
          nas: { targets: ["https://10.0.0.5:5001"], tls: { ca: certs/nas-ca.pem } }
        issuers:
          le:
            type: acme
            directory: https://ca.test/dir
            caBundle: ../shared/ca-bundle.pem
            dns01: { provider: rfc2136, server: "10.0.0.53:53", zone: example.com, tsig: { name: k, secret: "${file:secrets/tsig}" } }
        certificates:
          imported: { files: { cert: certs/site.pem, key: certs/site.key, chain: /etc/ssl/chain.pem } }
        accessLists:
          family: { users: { alice: "${file:secrets/alice.hash}", bob: "${env:BOB_HASH}" } }
        hosts:
          nas: { domains: [nas.home.test], upstream: nas }

        """;

    [Fact]
    public void Resolves_relative_paths_and_file_secrets_against_the_manifest_folder_not_the_working_directory()
    {
        var path = Path.Combine(_folder, "homelab.yaml");
        File.WriteAllText(path, Manifest);
        Assert.NotEqual(_folder, Directory.GetCurrentDirectory());

        var result = new ManifestPipeline(ManifestFixture.Loader, new DesiredStateBuilder()).Run(new GatePaths(path, null));

        var desired = result.Desired!;
        Assert.Equal(Path.Combine(_folder, "dns", "hosts"), desired.Settings.Dns!.Path);
        Assert.Equal($"${{file:{_folder}/secrets/admin-token}}", desired.Settings.AdminToken);
        Assert.Equal(Path.Combine(_folder, "certs", "nas-ca.pem"), desired.Find<UpstreamPool>("nas")!.Tls.CaFile);
        var acme = desired.Find<CertificateIssuer>("le")!.Acme!;
        Assert.Equal(Path.GetFullPath(Path.Combine(_folder, "..", "shared", "ca-bundle.pem")), acme.CaBundle);
        Assert.Equal($"${{file:{_folder}/secrets/tsig}}", acme.Dns01.Tsig!.Secret);
        Assert.Equal(new CertificateFiles(Path.Combine(_folder, "certs", "site.pem"), Path.Combine(_folder, "certs", "site.key"), "/etc/ssl/chain.pem"),
            desired.Find<Certificate>("imported")!.Files);
        Assert.Equal([new BasicAuthUser("alice", $"${{file:{_folder}/secrets/alice.hash}}"), new BasicAuthUser("bob", "${env:BOB_HASH}")],
            desired.Find<AccessList>("family")!.Users);
    }

    [Fact]
    public void Keeps_paths_as_written_for_a_manifest_without_a_folder()
    {
        var result = ManifestFixture.Load(Manifest);

        var desired = new DesiredStateBuilder().Build(result.Manifest!.Spec);

        Assert.Equal("./dns/hosts", desired.Settings.Dns!.Path);
        Assert.Equal("${file:secrets/admin-token}", desired.Settings.AdminToken);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
