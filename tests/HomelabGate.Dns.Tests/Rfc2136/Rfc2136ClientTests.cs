using HomelabGate.Dns.Records;
using HomelabGate.Dns.Rfc2136;
using HomelabGate.Dns.Tests.Support;

namespace HomelabGate.Dns.Tests.Rfc2136;

[Collection(BindCollection.Name)]
public sealed class Rfc2136ClientTests(BindFixture bind)
{
    [Theory]
    [InlineData("hmac-sha256")]
    [InlineData("hmac-sha256.")]
    public async Task An_A_record_added_with_TSIG_is_served_by_BIND_as_dig_shows(string algorithm)
    {
        var name = bind.UniqueName("jellyfin");
        var client = new Rfc2136Client(bind.Options(algorithm: algorithm), bind.Secrets, TimeProvider.System);

        await client.UpdateAsync(new Rfc2136Update().AddValues(DnsRecordSet.Create(name, DnsRecordType.A, 300, "100.64.0.10")), default);

        Assert.Equal(["100.64.0.10"], await bind.DigAsync(name, "A"));
    }

    [Fact]
    public async Task Replacing_a_set_swaps_its_values_and_deleting_one_value_keeps_the_others()
    {
        var name = bind.UniqueName("multi");
        var client = bind.Client();
        await client.UpdateAsync(new Rfc2136Update().AddValues(DnsRecordSet.Create(name, DnsRecordType.A, 60, "10.0.0.1", "10.0.0.2")), default);

        await client.UpdateAsync(new Rfc2136Update().ReplaceSet(DnsRecordSet.Create(name, DnsRecordType.A, 60, "10.0.0.3", "10.0.0.4")), default);
        Assert.Equal(["10.0.0.3", "10.0.0.4"], await bind.DigAsync(name, "A"));

        await client.UpdateAsync(new Rfc2136Update().DeleteValues(DnsRecordSet.Create(name, DnsRecordType.A, 60, "10.0.0.3")), default);
        Assert.Equal(["10.0.0.4"], await bind.DigAsync(name, "A"));
    }

    [Fact]
    public async Task A_wrong_TSIG_secret_is_reported_as_BADSIG_without_the_secret()
    {
        var wrong = Convert.ToBase64String(new byte[32]);
        var secrets = new TestSecrets(new Dictionary<string, string> { ["WRONG"] = wrong });
        var client = new Rfc2136Client(bind.Options("WRONG"), secrets, TimeProvider.System);

        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() => client.UpdateAsync(
            new Rfc2136Update().AddValues(DnsRecordSet.Create(bind.UniqueName("x"), DnsRecordType.A, 60, "10.0.0.1")), default));

        Assert.Equal("NOTAUTH/BADSIG", error.ResponseCode);
        Assert.Contains("the TSIG secret is wrong", error.Message);
        Assert.DoesNotContain(wrong, error.Message);
        Assert.DoesNotContain(bind.Secret, error.Message);
    }

    [Fact]
    public async Task A_name_outside_the_zone_is_reported_as_NOTZONE()
    {
        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() => bind.Client().UpdateAsync(
            new Rfc2136Update().AddValues(DnsRecordSet.Create("nas.elsewhere.test.", DnsRecordType.A, 60, "10.0.0.1")), default));

        Assert.Equal("NOTZONE", error.ResponseCode);
        Assert.Contains("name outside zone home.test", error.Message);
        Assert.Contains("nas.elsewhere.test.", error.Message);
    }

    [Fact]
    public async Task An_unsigned_update_is_refused_with_a_hint_about_the_key()
    {
        var client = new Rfc2136Client(bind.Options() with { Key = null }, bind.Secrets, TimeProvider.System);

        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() => client.UpdateAsync(
            new Rfc2136Update().AddValues(DnsRecordSet.Create(bind.UniqueName("x"), DnsRecordType.A, 60, "10.0.0.1")), default));

        Assert.Equal("REFUSED", error.ResponseCode);
        Assert.Contains("may not update this zone/name", error.Message);
    }

    [Fact]
    public async Task A_failed_prerequisite_leaves_the_records_untouched()
    {
        var name = bind.UniqueName("guarded");
        await bind.NsUpdateAsync($"update add {name} 60 IN A 10.9.9.9");
        var update = new Rfc2136Update()
            .RequireAbsent(new DnsRecordKey(name, DnsRecordType.A))
            .AddValues(DnsRecordSet.Create(name, DnsRecordType.A, 60, "10.0.0.1"));

        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() => bind.Client().UpdateAsync(update, default));

        Assert.Equal("YXRRSET", error.ResponseCode);
        Assert.Equal(["10.9.9.9"], await bind.DigAsync(name, "A"));
    }

    [Fact]
    public async Task A_TXT_set_too_big_for_UDP_is_read_completely_over_TCP()
    {
        var name = bind.UniqueName("big");
        var values = Enumerable.Range(0, 30).Select(i => $"value-{i:00}-{new string('x', 40)}").ToArray();
        await bind.Client().UpdateAsync(new Rfc2136Update().AddValues(DnsRecordSet.Create(name, DnsRecordType.TXT, 60, values)), default);

        var observed = await bind.Client().QueryAsync(name, DnsRecordType.TXT, default);

        Assert.Equal(new RecordValues(values), observed!.Values);
    }

    [Fact]
    public async Task A_TSIG_signed_zone_transfer_returns_the_records_and_leaves_out_SOA_and_NS()
    {
        var name = bind.UniqueName("axfr");
        await bind.NsUpdateAsync($"update add {name} 120 IN AAAA fd00::1", $"update add {name} 120 IN TXT \"hello world\"");

        var zone = await bind.Client().TransferZoneAsync(default);

        Assert.Contains(DnsRecordSet.Create(name, DnsRecordType.AAAA, 120, "fd00::1"), zone);
        Assert.Contains(DnsRecordSet.Create(name, DnsRecordType.TXT, 120, "hello world"), zone);
        Assert.Contains(DnsRecordSet.Create($"ns1.{bind.Zone}", DnsRecordType.A, 60, "127.0.0.1"), zone);
    }

    [Theory]
    [InlineData("hmac-sha1")]
    [InlineData("hmac-sha512")]
    public async Task A_key_of_another_algorithm_than_the_server_knows_is_rejected_clearly(string algorithm)
    {
        var client = new Rfc2136Client(bind.Options(algorithm: algorithm), bind.Secrets, TimeProvider.System);

        var error = await Assert.ThrowsAsync<Rfc2136Exception>(() => client.UpdateAsync(
            new Rfc2136Update().AddValues(DnsRecordSet.Create(bind.UniqueName("alg"), DnsRecordType.A, 60, "10.0.0.1")), default));

        // BIND knows the key only as hmac-sha256, so a differently signed message fails TSIG verification.
        Assert.StartsWith("NOTAUTH/", error.ResponseCode);
    }
}
