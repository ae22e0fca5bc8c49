using System.Diagnostics;
using HomelabGate.Proxy.Access;

namespace HomelabGate.Tests.Proxy;

/// <summary>SHA-crypt against the real tools that write such hashes: openssl passwd, and glibc's crypt(3) (through
/// Debian's python3) for the rounds= form openssl cannot write.</summary>
public sealed class ShaCryptTests
{
    private static string Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} failed: {process.StandardError.ReadToEnd()}");
        return output;
    }

    [Theory]
    [InlineData("-5", "saltstring", "Hello world!")]
    [InlineData("-6", "saltstring", "Hello world!")]
    [InlineData("-5", "x", "a password longer than thirty-two bytes, to cross a block")]
    [InlineData("-6", "sixteencharsalt!", "a password longer than sixty-four bytes, to cross one whole SHA-512 block size")]
    [InlineData("-6", "utf8", "pässwörd-ümlaut")]
    public void Accepts_what_openssl_passwd_writes_and_rejects_a_wrong_password(string variant, string salt, string password)
    {
        var hash = Run("openssl", "passwd", variant, "-salt", salt, password);
        Assert.True(ShaCrypt.Verify(password, hash), hash);
        Assert.False(ShaCrypt.Verify(password + "x", hash));
    }

    [Theory]
    [InlineData("$5$rounds=10000$saltstringsaltstring")]
    [InlineData("$6$rounds=1400$anotherlongsaltstring")]
    public void Honours_an_explicit_rounds_count_like_glibc(string setting)
    {
        var hash = Run("/usr/bin/python3", "-W", "ignore", "-c", $"import crypt; print(crypt.crypt('Hello world!', '{setting}'))");
        Assert.StartsWith(setting[..setting.LastIndexOf('$')], hash, StringComparison.Ordinal);
        Assert.True(ShaCrypt.Verify("Hello world!", hash), hash);
        Assert.False(ShaCrypt.Verify("Hello world", hash));
    }

    [Theory]
    [InlineData("$5$")]
    [InlineData("$5$rounds=x$salt$abc")]
    [InlineData("$2y$10$abc")]
    public void Refuses_malformed_hashes(string hash) => Assert.False(ShaCrypt.Verify("pw", hash));
}
