using HomelabGate.Core.Desired;
using System.Diagnostics;
using System.Runtime.Versioning;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Accounts;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Tests.Infrastructure;
using Xunit.Abstractions;

namespace HomelabGate.Acme.Tests.EndToEnd;

/// <summary>Real issuance: pebble validates dns-01 by querying the real BIND that nsupdate wrote to.</summary>
[Collection(PebbleCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class IssuanceAgainstPebbleTests(PebbleFixture fixture, ITestOutputHelper output)
{
    private AcmeDnsEnvironment Env => fixture.Environment;

    [Fact]
    public async Task A_single_name_certificate_is_issued_and_verifies_with_openssl()
    {
        using var acme = new AcmeTestClient(Env);
        var label = AcmeTestClient.UniqueLabel("app");
        var name = $"{label}.{Env.Zone}";

        var watch = Stopwatch.StartNew();
        var issued = await acme.Runner.OrderAsync(new AcmeOrderRequest([name]), Env.CreateSolver(), Env.CreatePropagationCheck(), CancellationToken.None);
        output.WriteLine($"TIMING ours, single name (incl. account registration): {watch.ElapsedMilliseconds} ms");

        Assert.Equal([name], CertificateChecks.DnsNames(issued));
        Assert.Equal("leaf.pem: OK", await CertificateChecks.OpensslVerifyAsync(issued, Env.IssuerRoot));
        Assert.Contains("BEGIN PRIVATE KEY", issued.PrivateKeyPem, StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE", issued.ToString(), StringComparison.Ordinal);
        Assert.Empty(await CertificateChecks.TxtRecordsAboutAsync(Env, label));
    }

    [Fact]
    public async Task Wildcard_and_apex_are_validated_together_and_share_one_certificate()
    {
        using var acme = new AcmeTestClient(Env);
        var label = AcmeTestClient.UniqueLabel("lab");
        var apex = $"{label}.{Env.Zone}";
        var solver = new RecordingSolver(Env.CreateSolver());

        var watch = Stopwatch.StartNew();
        var issued = await acme.Runner.OrderAsync(new AcmeOrderRequest([apex, "*." + apex]), solver, Env.CreatePropagationCheck(), CancellationToken.None);
        output.WriteLine($"TIMING ours, wildcard + apex (incl. account registration): {watch.ElapsedMilliseconds} ms");

        Assert.Equal(["*." + apex, apex], CertificateChecks.DnsNames(issued));
        Assert.Equal("leaf.pem: OK", await CertificateChecks.OpensslVerifyAsync(issued, Env.IssuerRoot));
        // Both values lived at the same name at the same time, then both were removed.
        Assert.Equal(2, solver.Presented.Count);
        Assert.All(solver.Presented, c => Assert.Equal($"_acme-challenge.{apex}.", c.RecordName));
        Assert.NotEqual(solver.Presented[0].Value, solver.Presented[1].Value);
        Assert.Equal(solver.Presented, solver.CleanedUp);
        Assert.Empty(await CertificateChecks.TxtRecordsAboutAsync(Env, label));
    }

    [Fact]
    public async Task An_RSA_certificate_key_can_be_requested()
    {
        using var acme = new AcmeTestClient(Env);
        var name = $"{AcmeTestClient.UniqueLabel("rsa")}.{Env.Zone}";

        var issued = await acme.Runner.OrderAsync(new AcmeOrderRequest([name], KeyType.Rsa2048), Env.CreateSolver(), Env.CreatePropagationCheck(), CancellationToken.None);

        Assert.Contains("BEGIN PRIVATE KEY", issued.PrivateKeyPem, StringComparison.Ordinal);
        using var leaf = X509Certificate2.CreateFromPem(issued.CertificatePem);
        Assert.NotNull(leaf.GetRSAPublicKey());
    }

    [Fact]
    public async Task The_stored_account_key_finds_the_same_account_for_a_second_order()
    {
        var dir = Directory.CreateTempSubdirectory("hg-acme-accounts-");
        try
        {
            var store = new AcmeAccountStore(dir.FullName);
            Uri firstAccount;
            using (var first = new AcmeTestClient(Env, await store.LoadOrCreateAsync(Env.DirectoryUri(), CancellationToken.None)))
            {
                await first.Runner.OrderAsync(new AcmeOrderRequest([$"{AcmeTestClient.UniqueLabel("a")}.{Env.Zone}"]), Env.CreateSolver(), Env.CreatePropagationCheck(), CancellationToken.None);
                firstAccount = first.Client.AccountUrl!;
                Assert.Contains(first.Log, l => l.StartsWith("created ACME account", StringComparison.Ordinal));
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(store.PathFor(Env.DirectoryUri())));
            using var second = new AcmeTestClient(Env, store.Load(Env.DirectoryUri()));
            await second.Runner.OrderAsync(new AcmeOrderRequest([$"{AcmeTestClient.UniqueLabel("b")}.{Env.Zone}"]), Env.CreateSolver(), Env.CreatePropagationCheck(), CancellationToken.None);

            Assert.Equal(firstAccount, second.Client.AccountUrl);
            Assert.Contains(second.Log, l => l == $"using ACME account {firstAccount}");
            Assert.Equal(firstAccount, (await second.Client.FindAccountAsync(CancellationToken.None)).Url);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
