using HomelabGate.Proxy.Access;

namespace HomelabGate.Tests.Proxy;

/// <summary>Apache MD5 ($apr1$) and {SHA} against the tools that write them: htpasswd (apache2-utils, what Nginx Proxy
/// Manager's files hold) and openssl passwd -apr1, plus fixed vectors those tools printed, so a broken tool cannot
/// make the test pass vacuously.</summary>
public sealed class ApacheHashTests
{
    private static async Task<string> RunAsync(string file, params string[] args)
    {
        var result = await ProcessRunner.RunAsync(file, args);
        Assert.True(result.ExitCode == 0, $"{file} failed: {result.StandardError}");
        return result.StandardOutput.Trim();
    }

    [Theory]
    [InlineData("correct horse", "$apr1$AGsoS7Gi$nPhRnWUG72wTMMcPFHxOZ/")]         // htpasswd -nbm alice 'correct horse'
    [InlineData("hunter2", "$apr1$x1y2z3w4$t5zYpcdYmFiuog83CIFDz.")]               // openssl passwd -apr1 -salt x1y2z3w4 hunter2
    [InlineData("pässwörd", "$apr1$Y2lM1JU5$2Q.ZHKvijuHITLPgCk3BM/")]              // openssl passwd -apr1 'pässwörd' (UTF-8)
    public void Verifies_fixed_vectors_the_tools_printed(string password, string hash)
    {
        Assert.True(ApacheMd5.Verify(password, hash));
        Assert.False(ApacheMd5.Verify(password + " ", hash));
        Assert.False(ApacheMd5.Verify(password[..^1], hash));
    }

    [Theory]
    [InlineData("s3cret")]
    [InlineData("")]
    [InlineData("a password longer than sixteen bytes, to take the long way through the first loop")]
    [InlineData("ümlaut: ä")]
    public async Task Accepts_what_openssl_passwd_apr1_writes_and_refuses_a_wrong_password(string password)
    {
        var hash = await RunAsync("openssl", "passwd", "-apr1", password);

        Assert.StartsWith("$apr1$", hash, StringComparison.Ordinal);
        Assert.True(HashVerifier.Verify(password, hash), hash);
        Assert.False(HashVerifier.Verify(password + "x", hash));
    }

    [Theory]
    [InlineData("-m", "$apr1$")]
    [InlineData("-s", "{SHA}")]
    public async Task Accepts_what_htpasswd_writes_and_refuses_a_wrong_password(string kind, string prefix)
    {
        foreach (var password in new[] { "battery staple", "x", "with:colon and spaces " })
        {
            var line = await RunAsync("htpasswd", "-nb", kind, "user", password);
            var hash = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..];

            Assert.StartsWith(prefix, hash, StringComparison.Ordinal);
            Assert.True(HashVerifier.Verify(password, hash), hash);
            Assert.False(HashVerifier.Verify(password.ToUpperInvariant() + "!", hash));
        }
    }

    [Fact]
    public void Verifies_the_fixed_sha_vector_htpasswd_printed() =>
        Assert.True(HtpasswdSha.Verify("battery staple", "{SHA}4/8EauNSRAt2M2wN8hy6sNnX6do="));   // htpasswd -nbs bob 'battery staple'

    [Theory]
    [InlineData("$apr1$")]
    [InlineData("$apr1$nodollar")]
    [InlineData("{SHA}not base64")]
    public void Refuses_malformed_hashes(string hash) => Assert.False(HashVerifier.Verify("pw", hash));

    [Theory]
    [InlineData(new[] { "$apr1$AGsoS7Gi$nPhRnWUG72wTMMcPFHxOZ/" }, "$apr1$")]
    [InlineData(new[] { "{SHA}4/8EauNSRAt2M2wN8hy6sNnX6do=" }, "{SHA}")]
    [InlineData(new[] { "{SHA}4/8EauNSRAt2M2wN8hy6sNnX6do=", "$apr1$AGsoS7Gi$nPhRnWUG72wTMMcPFHxOZ/" }, "$apr1$")]
    [InlineData(new[] { "$apr1$AGsoS7Gi$nPhRnWUG72wTMMcPFHxOZ/", "$2y$12$abcdefghijklmnopqrstuuNqcgkbdlIc4xY3mG8eM0WyBnJmP5D3S" }, "$2y$12$")]
    public void An_unknown_user_is_checked_against_a_dummy_of_the_lists_slowest_kind(string[] hashes, string prefix)
    {
        var dummy = DummyHash.For(hashes);

        Assert.StartsWith(prefix, dummy, StringComparison.Ordinal);
        Assert.Equal(hashes.Single(h => h.StartsWith(prefix, StringComparison.Ordinal)).Length, dummy.Length);
        Assert.False(HashVerifier.Verify("anything", dummy));
    }
}
