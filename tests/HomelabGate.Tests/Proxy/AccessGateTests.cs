using System.Net;
using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Proxy.Access;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Proxy;

public sealed class AccessGateTests
{
    // bcrypt of "change-me" at cost 4, so the tests stay fast.
    private static readonly string Hash = BCrypt.Net.BCrypt.HashPassword("change-me", BCrypt.Net.BCrypt.GenerateSalt(4));

    private static AccessGate Gate(AccessList list, params string[] trustedProxies) =>
        new AccessGateFactory(new EnvironmentAndFileSecretResolver(), TimeProvider.System, new HashVerifier()).Create(list, trustedProxies);

    private static HttpContext Request(string ip, string? user = null, string? password = null, string? forwardedFor = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        if (user is not null)
        {
            context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        }
        if (forwardedFor is not null)
        {
            context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        }
        return context;
    }

    private static readonly AccessList Lan = new()
    {
        Name = "lan",
        Rules = new([new IpRule(false, "192.168.1.66"), new IpRule(true, "192.168.1.0/24"), new IpRule(true, "fd00::/8")]),
    };

    [Theory]
    [InlineData("192.168.1.10", null)]
    [InlineData("::ffff:192.168.1.10", null)]
    [InlineData("fd00::5", null)]
    [InlineData("192.168.1.66", 403)]
    [InlineData("10.0.0.1", 403)]
    public async Task Applies_ip_rules_first_match_wins_with_an_implicit_deny(string ip, int? status) =>
        Assert.Equal(status, (await Gate(Lan).CheckAsync(Request(ip)))?.Status);

    [Fact]
    public async Task Asks_for_a_password_with_a_basic_challenge_and_accepts_the_right_one()
    {
        var gate = Gate(new AccessList { Name = "p", Users = new([new BasicAuthUser("alice", Hash)]), Realm = "Home" });
        var denial = await gate.CheckAsync(Request("10.0.0.1", "alice", "wrong"));
        Assert.Equal(401, denial?.Status);
        Assert.Equal("Basic realm=\"Home\", charset=\"UTF-8\"", denial?.Challenge);
        Assert.Equal(401, (await gate.CheckAsync(Request("10.0.0.1")))?.Status);
        var allowed = Request("10.0.0.1", "alice", "change-me");
        Assert.Null(await gate.CheckAsync(allowed));
        Assert.False(allowed.Request.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Satisfy_any_lets_either_the_network_or_the_password_in_and_all_needs_both()
    {
        var any = Gate(Lan with { Users = new([new BasicAuthUser("alice", Hash)]) });
        Assert.Null(await any.CheckAsync(Request("192.168.1.10")));
        Assert.Null(await any.CheckAsync(Request("10.0.0.1", "alice", "change-me")));
        var all = Gate(Lan with { Users = new([new BasicAuthUser("alice", Hash)]), RequireAll = true });
        Assert.Equal(401, (await all.CheckAsync(Request("192.168.1.10")))?.Status);
        Assert.Equal(403, (await all.CheckAsync(Request("10.0.0.1", "alice", "change-me")))?.Status);
        Assert.Null(await all.CheckAsync(Request("192.168.1.10", "alice", "change-me")));
    }

    [Fact]
    public async Task Believes_x_forwarded_for_only_from_trusted_proxies_and_reads_it_from_the_right()
    {
        var behindProxy = Gate(Lan, "127.0.0.1/32");
        Assert.Null(await behindProxy.CheckAsync(Request("127.0.0.1", forwardedFor: "10.9.9.9, 192.168.1.10")));
        Assert.Equal(403, (await behindProxy.CheckAsync(Request("127.0.0.1", forwardedFor: "192.168.1.10, 10.9.9.9")))?.Status);
        Assert.Equal(403, (await Gate(Lan).CheckAsync(Request("10.0.0.1", forwardedFor: "192.168.1.10")))?.Status);
    }

    [Fact]
    public async Task Reads_a_hash_through_a_secret_reference()
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, Hash + "\n");
            var gate = Gate(new AccessList { Name = "s", Users = new([new BasicAuthUser("bob", $"${{file:{file}}}")]) });
            Assert.Null(await gate.CheckAsync(Request("10.0.0.1", "bob", "change-me")));
        }
        finally
        {
            File.Delete(file);
        }
    }
}

public sealed class AccessGateShaCryptTests
{
    [Fact]
    public async Task Accepts_a_user_whose_hash_is_sha_crypt()
    {
        // openssl passwd -6 -salt saltstring 'Hello world!'
        const string hash = "$6$saltstring$svn8UoSVapNtMuq1ukKS4tPQd8iKwSMHWjl/O817G3uBnIFNjnQJuesI68u4OTLiBFdcbYEdFCoEOfaS35inz1";
        var gate = new AccessGateFactory(new EnvironmentAndFileSecretResolver(), TimeProvider.System, new HashVerifier())
            .Create(new AccessList { Name = "s", Users = new([new BasicAuthUser("carol", hash)]) }, []);
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Loopback;
        context.Request.Headers.Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("carol:Hello world!"));
        Assert.Null(await gate.CheckAsync(context));
    }
}

public sealed class HashVerifierTests
{
    [Fact]
    public async Task Refuses_without_checking_when_too_many_checks_are_already_waiting()
    {
        var verifier = new HashVerifier();
        var slow = BCrypt.Net.BCrypt.HashPassword("pw", BCrypt.Net.BCrypt.GenerateSalt(12));
        var flood = Enumerable.Range(0, 200).Select(_ => verifier.VerifyAsync("wrong", slow)).ToList();
        var accepted = await verifier.VerifyAsync("pw", BCrypt.Net.BCrypt.HashPassword("pw", BCrypt.Net.BCrypt.GenerateSalt(4)));
        var results = await Task.WhenAll(flood);
        Assert.All(results, Assert.False);
        Assert.False(accepted, "the 201st check arrived while more than 64 were waiting, so it is refused");
    }
}
