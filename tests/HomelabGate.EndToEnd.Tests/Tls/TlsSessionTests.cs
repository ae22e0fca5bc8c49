using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Tls;

/// <summary>What the TLS listener keeps between handshakes, with the real openssl s_client sending a request (TLS 1.3
/// tickets arrive after the handshake, so the client must read an answer to get one): a second connection resumes the
/// first one's session, and a TLS 1.2 suite without an AEAD cipher is never served, although no cipher-suite policy is
/// set on the handshake (one would turn resumption off); every connection ends with a close_notify, so a client that
/// reads to its end keeps a resumable session.</summary>
public sealed class TlsSessionTests(LocalCaDaemon daemon) : IClassFixture<LocalCaDaemon>, IDisposable
{
    private readonly TempDirectory _temp = new("hg-e2e-session-");

    private string Session => _temp.Combine("session.pem");

    private Task<ProcessResult> RequestAsync(params string[] extra) => ProcessRunner.RunAsync("sh",
    [
        "-c", "printf 'GET / HTTP/1.1\\r\\nHost: app.home.test\\r\\nConnection: close\\r\\n\\r\\n' | exec openssl s_client -ign_eof \"$@\"",
        "openssl", "-connect", $"127.0.0.1:{daemon.HttpsPort.ToString(CultureInfo.InvariantCulture)}", "-servername", "app.home.test",
        "-CAfile", daemon.RootPem, .. extra,
    ], timeout: TimeSpan.FromSeconds(20));

    [Fact]
    public async Task A_second_tls_1_3_connection_resumes_the_first_ones_session()
    {
        var first = await RequestAsync("-tls1_3", "-sess_out", Session);
        OutputAssert.Contains("New, TLSv1.3", first.StandardOutput, "first s_client");
        OutputAssert.Contains(LocalCaDaemon.AppBody, first.StandardOutput, "first s_client");

        var second = await RequestAsync("-tls1_3", "-sess_in", Session);

        OutputAssert.Contains("Reused, TLSv1.3", second.StandardOutput, "second s_client");
        OutputAssert.Contains(LocalCaDaemon.AppBody, second.StandardOutput, "second s_client");
    }

    [Fact]
    public async Task A_connection_closed_after_its_answer_ends_with_close_notify()
    {
        // Without close_notify, OpenSSL 3 reports the EOF as an error and marks the session not resumable (s_time).
        var answer = await RequestAsync("-tls1_3");

        OutputAssert.Contains(LocalCaDaemon.AppBody, answer.StandardOutput, "s_client");
        Assert.DoesNotContain("unexpected eof", answer.StandardOutput + answer.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tls_1_2_connection_with_a_cbc_suite_gets_no_answer()
    {
        var cbc = await RequestAsync("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-SHA256:ECDHE-RSA-AES128-SHA256:ECDHE-ECDSA-AES128-SHA:ECDHE-RSA-AES128-SHA");
        var gcm = await RequestAsync("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256");

        Assert.DoesNotContain("HTTP/1.1", cbc.StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain(LocalCaDaemon.AppBody, cbc.StandardOutput, StringComparison.Ordinal);
        OutputAssert.Contains(LocalCaDaemon.AppBody, gcm.StandardOutput, "s_client with an AEAD suite");
    }

    public void Dispose() => _temp.Dispose();
}
