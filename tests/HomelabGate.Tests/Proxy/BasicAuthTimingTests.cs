using System.Text;
using HomelabGate.Proxy.Access;

namespace HomelabGate.Tests.Proxy;

public sealed class BasicAuthTimingTests
{
    /// <summary>Records which hashes were checked; the stand-in for the slow verifier.</summary>
    private sealed class RecordingVerifier : IPasswordVerifier
    {
        public List<(string Password, string Hash)> Checked { get; } = [];

        public Task<bool> VerifyAsync(string password, string hash)
        {
            Checked.Add((password, hash));
            return Task.FromResult(HashVerifier.Verify(password, hash));
        }
    }

    private static readonly string Alice = BCrypt.Net.BCrypt.HashPassword("right", BCrypt.Net.BCrypt.GenerateSalt(5));

    private static string Basic(string user, string password) => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    [Fact]
    public async Task An_unknown_user_is_checked_against_a_dummy_hash_of_the_same_cost_so_it_takes_as_long_as_a_wrong_password()
    {
        var verifier = new RecordingVerifier();
        var authenticator = new BasicAuthenticator(new Dictionary<string, string> { ["alice"] = Alice }, "r", TimeProvider.System, verifier);

        Assert.False(await authenticator.AuthenticateAsync(Basic("mallory", "right")));
        Assert.False(await authenticator.AuthenticateAsync(Basic("alice", "wrong")));

        Assert.Equal(2, verifier.Checked.Count);
        var dummy = verifier.Checked[0].Hash;
        Assert.NotEqual(Alice, dummy);
        Assert.Equal("$2y$05$", dummy[..7]);
        Assert.Equal(Alice.Length, dummy.Length);
        Assert.Equal(Alice, verifier.Checked[1].Hash);
    }

    [Fact]
    public void The_dummy_is_a_well_formed_bcrypt_hash_that_bcrypt_really_computes()
    {
        var dummy = DummyHash.For([Alice, BCrypt.Net.BCrypt.HashPassword("x", BCrypt.Net.BCrypt.GenerateSalt(7))]);

        Assert.StartsWith("$2y$07$", dummy);
        Assert.Equal(7, BCrypt.Net.BCrypt.InterrogateHash(dummy).WorkFactor is var work ? int.Parse(work) : -1);
        Assert.False(HashVerifier.Verify("", dummy));
    }

    [Theory]
    [InlineData("$6$rounds=12000$saltstring$x", "$6$rounds=12000$")]
    [InlineData("$5$saltstring$x", "$5$rounds=5000$")]
    public void A_sha_crypt_list_gets_a_sha_crypt_dummy_with_as_many_rounds(string hash, string prefix)
    {
        var dummy = DummyHash.For([hash]);

        Assert.StartsWith(prefix, dummy);
        Assert.False(ShaCrypt.Verify("x", dummy));
    }

    [Fact]
    public void A_password_beyond_bcrypts_72_bytes_is_refused_even_when_its_first_72_bytes_match()
    {
        var first72 = new string('a', 72);
        var hash = BCrypt.Net.BCrypt.HashPassword(first72, BCrypt.Net.BCrypt.GenerateSalt(4));

        Assert.True(HashVerifier.Verify(first72, hash));
        Assert.False(HashVerifier.Verify(first72 + "0123456789", hash));
        Assert.False(HashVerifier.Verify(new string('é', 37), BCrypt.Net.BCrypt.HashPassword(new string('é', 36), BCrypt.Net.BCrypt.GenerateSalt(4))));
    }
}
