using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Orders;
using HomelabGate.Acme.Protocol;
using HomelabGate.Acme.Tests.Infrastructure;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Tests.EndToEnd;

/// <summary>Failures the real CA and DNS server produce, and what the user is told.</summary>
[Collection(PebbleCollection.Name)]
public sealed class FailuresAgainstPebbleTests(PebbleFixture fixture)
{
    private AcmeDnsEnvironment Env => fixture.Environment;

    [Fact]
    public async Task A_wrong_TSIG_secret_fails_with_a_clear_message_and_leaves_no_record()
    {
        using var acme = new AcmeTestClient(Env);
        var label = AcmeTestClient.UniqueLabel("tsig");
        var name = $"{label}.{Env.Zone}";
        var solver = new RecordingSolver(Env.CreateSolver(Convert.ToBase64String(new byte[32])));

        var error = await Assert.ThrowsAsync<AcmeException>(() =>
            acme.Runner.OrderAsync(new AcmeOrderRequest([name]), solver, Env.CreatePropagationCheck(), CancellationToken.None));

        Assert.StartsWith($"could not publish the TXT record _acme-challenge.{name} for {name}: nsupdate failed", error.Message, StringComparison.Ordinal);
        Assert.Contains("NOTAUTH(BADSIG)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Env.TsigSecret, error.Message, StringComparison.Ordinal);
        Assert.Equal(solver.Presented, solver.CleanedUp);
        Assert.Contains(acme.Log, l => l.StartsWith($"could not remove the TXT record _acme-challenge.{name}", StringComparison.Ordinal));
        Assert.Empty(await CertificateChecks.TxtRecordsAboutAsync(Env, label));
    }

    [Fact]
    public async Task A_wrong_TXT_value_is_reported_in_plain_words_and_removed()
    {
        using var acme = new AcmeTestClient(Env);
        var label = AcmeTestClient.UniqueLabel("wrong");
        var name = $"{label}.{Env.Zone}";
        static Dns01Challenge Wrong(Dns01Challenge c) => c with { Value = KeyAuthorization.Dns01TxtValue("not-the-key-authorization") };
        var solver = new RecordingSolver(Env.CreateSolver(), Wrong);

        var error = await Assert.ThrowsAsync<AcmeProblemException>(() =>
            acme.Runner.OrderAsync(new AcmeOrderRequest([name]), solver, new RewritingCheck(Env.CreatePropagationCheck(), Wrong), CancellationToken.None));

        Assert.Equal($"the CA could not find the expected TXT record at _acme-challenge.{name}: Correct value not found for DNS challenge", error.Message);
        Assert.False(error.IsTransient);
        Assert.Empty(await CertificateChecks.TxtRecordsAboutAsync(Env, label));
    }

    [Fact]
    public async Task A_cancelled_order_still_removes_its_TXT_records()
    {
        using var acme = new AcmeTestClient(Env);
        var label = AcmeTestClient.UniqueLabel("cancel");
        var apex = $"{label}.{Env.Zone}";
        using var cancel = new CancellationTokenSource();
        var solver = new RecordingSolver(Env.CreateSolver()) { AfterPresent = _ => cancel.Cancel() };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            acme.Runner.OrderAsync(new AcmeOrderRequest([apex, "*." + apex]), solver, Env.CreatePropagationCheck(), cancel.Token));

        Assert.NotEmpty(solver.Presented);
        Assert.Equal(solver.Presented, solver.CleanedUp);
        Assert.Empty(await CertificateChecks.TxtRecordsAboutAsync(Env, label));
    }

    [Fact]
    public async Task A_record_that_never_becomes_visible_stops_the_order_before_the_CA_is_asked_and_is_removed()
    {
        var options = new AcmeOrderOptions { PropagationTimeout = TimeSpan.FromSeconds(1) };
        using var acme = new AcmeTestClient(Env, options: options);
        var label = AcmeTestClient.UniqueLabel("unseen");
        var name = $"{label}.{Env.Zone}";
        var solver = new RecordingSolver(Env.CreateSolver());
        // A real dig that asks a port where no DNS server listens: the record is never seen.
        var blind = new DigPropagationCheck(FreePorts.Take(1)[0]);

        var error = await Assert.ThrowsAsync<AcmeException>(() =>
            acme.Runner.OrderAsync(new AcmeOrderRequest([name]), solver, blind, CancellationToken.None));

        Assert.Equal($"the TXT record _acme-challenge.{name} for {name} did not become visible within 1 s, so the CA was not asked to validate it", error.Message);
        Assert.True(error.IsTransient);
        Assert.Equal(solver.Presented, solver.CleanedUp);
        Assert.Empty(await CertificateChecks.TxtRecordsAboutAsync(Env, label));
    }

    [Fact]
    public async Task A_CA_certificate_from_an_untrusted_root_is_refused_with_a_TLS_message()
    {
        using var http = Env.CreateHttpClient(trustPebble: false);
        using var key = AccountKey.Create();
        var client = new AcmeClient(http, new AcmeClientOptions { DirectoryUrl = Env.DirectoryUri() }, key);

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.GetDirectoryAsync(CancellationToken.None));

        Assert.StartsWith($"could not establish a trusted TLS connection to {Env.DirectoryUri()}", error.Message, StringComparison.Ordinal);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task An_unreachable_directory_fails_with_a_connection_message()
    {
        using var http = Env.CreateHttpClient();
        using var key = AccountKey.Create();
        var nowhere = new Uri($"https://127.0.0.1:{FreePorts.Take(1)[0]}/dir");
        var client = new AcmeClient(http, new AcmeClientOptions { DirectoryUrl = nowhere }, key);

        var error = await Assert.ThrowsAsync<AcmeException>(() => client.GetDirectoryAsync(CancellationToken.None));

        Assert.StartsWith($"could not connect to the CA at {nowhere}", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
    }

    private sealed class RewritingCheck(IDnsPropagationCheck inner, Func<Dns01Challenge, Dns01Challenge> rewrite) : IDnsPropagationCheck
    {
        public Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken) =>
            inner.WaitUntilVisibleAsync(rewrite(challenge), timeout, cancellationToken);
    }
}
