using System.Diagnostics;
using System.Text;
using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>Basic auth against bcrypt hashes: bcrypt reads only 72 bytes of a password, so longer ones are refused
/// instead of being accepted by their first 72; and a wrong password costs about the same time whether the user exists
/// or not, so user names cannot be found by timing (a coarse bound; bench/auth-timing.sh measures it).</summary>
public sealed class BasicAuthTests(BasicAuthTests.Daemon daemon) : IClassFixture<BasicAuthTests.Daemon>
{
    private static readonly string Password72 = string.Concat(Enumerable.Repeat("0123456789ab", 6));

    private async Task<(int Status, TimeSpan Elapsed)> LoginAsync(string user, string password)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, daemon.Gate.ProxyUrl("/"));
        request.Headers.Host = "private.test";
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
        var clock = Stopwatch.StartNew();
        using var response = await TestHttp.Client.SendAsync(request);
        return ((int)response.StatusCode, clock.Elapsed);
    }

    [Fact]
    public async Task A_password_longer_than_72_bytes_is_refused_even_when_its_first_72_are_right()
    {
        Assert.Equal(200, (await LoginAsync("alice", Password72)).Status);
        Assert.Equal(401, (await LoginAsync("alice", Password72 + "-and-then-anything")).Status);
        Assert.Equal(401, (await LoginAsync("alice", Password72[..71])).Status);
    }

    [Fact]
    public async Task A_wrong_password_takes_about_as_long_for_an_unknown_user_as_for_a_known_one()
    {
        var known = new List<double>();
        var unknown = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            var wrong = await LoginAsync("alice", $"wrong-{i}");
            var nobody = await LoginAsync($"nobody-{i}", $"wrong-{i}");
            Assert.Equal((401, 401), (wrong.Status, nobody.Status));
            known.Add(wrong.Elapsed.TotalMilliseconds);
            unknown.Add(nobody.Elapsed.TotalMilliseconds);
        }

        // The fastest of each: a busy machine only ever adds time, so the minimum is the cost of the work itself.
        // Before the dummy hash an unknown user took under 3 % of a known one's time; the bound is coarse on purpose.
        var (knownFastest, unknownFastest) = (known.Min(), unknown.Min());
        Assert.True(knownFastest > 10, $"bcrypt at cost 10 should take well over 10 ms; a known user's wrong password took {knownFastest:0.0} ms at the fastest");
        Assert.True(unknownFastest > knownFastest / 4, $"unknown user {unknownFastest:0.0} ms against known user {knownFastest:0.0} ms (fastest of 8): the difference gives user names away");
    }

    [Fact]
    public async Task Hash_password_refuses_a_password_bcrypt_would_cut_and_hashes_one_of_72_bytes()
    {
        var tooLong = await HashPasswordAsync(Password72 + "x");
        var fits = await HashPasswordAsync(Password72);

        Assert.Equal(1, tooLong.ExitCode);
        Assert.Contains("the password is 73 bytes; bcrypt uses only the first 72", tooLong.StandardError);
        Assert.Equal("", tooLong.StandardOutput);
        Assert.Equal(0, fits.ExitCode);
        Assert.True(BCrypt.Net.BCrypt.Verify(Password72, fits.StandardOutput.Trim()), fits.ToString());
    }

    private async Task<ProcessResult> HashPasswordAsync(string password)
    {
        var input = Path.Combine(daemon.Workspace.Root, $"password-{Guid.NewGuid():N}");
        await File.WriteAllTextAsync(input, password + "\n");
        return await ProcessRunner.RunAsync("bash", ["-c", "f=\"$1\"; shift; \"$@\" hash-password --cost 10 < \"$f\"", "bash", input, GateBinary.DotnetHost, .. GateBinary.Arguments([])], timeout: TimeSpan.FromSeconds(60));
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    public sealed class Daemon : FeatureDaemon
    {
        protected override async Task<string> StartServersAsync()
        {
            var upstream = Own(await LoopbackServer.StartAsync(context => context.Response.WriteAsync("private")));
            var hash = BCrypt.Net.BCrypt.HashPassword(Password72, BCrypt.Net.BCrypt.GenerateSalt(10));
            return Manifests.Header + $$"""
                accessLists:
                  family:
                    users:
                      alice: "{{hash}}"
                hosts:
                  private:
                    domains: [private.test]
                    to: {{upstream.Address}}
                    accessList: family
                """;
        }
    }
}
