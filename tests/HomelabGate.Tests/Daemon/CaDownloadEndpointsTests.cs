using System.Security.Cryptography.X509Certificates;
using System.Text;
using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Storage;
using HomelabGate.Daemon;
using HomelabGate.Tests.Cli;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Tests.Daemon;

public sealed class CaDownloadEndpointsTests : IDisposable
{
    private readonly CertificateCli _cli = new();

    public void Dispose() => _cli.Dispose();

    private async Task<(bool Handled, HttpResponse Response, byte[] Body)> GetAsync(string path, string method = "GET")
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        var body = new MemoryStream();
        context.Response.Body = body;
        var handled = await new CaDownloadEndpoints(new CaStore(_cli.StateDir, new PemFileReader(), new AtomicFileWriter()), new RootExporter(), new MobileConfigWriter())
            .TryHandleAsync(context);
        return (handled, context.Response, body.ToArray());
    }

    [Fact]
    public async Task Ca_pem_serves_the_root_pem_as_a_download()
    {
        await _cli.CreateCaAsync();
        var (handled, response, body) = await GetAsync("/ca.pem");
        Assert.True(handled);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("application/x-pem-file", response.ContentType);
        Assert.Equal("attachment; filename=\"homelabgate-root.pem\"", response.Headers.ContentDisposition.ToString());
        Assert.Equal(File.ReadAllText(_cli.RootPemPath), Encoding.ASCII.GetString(body));
    }

    [Fact]
    public async Task Ca_der_serves_the_same_certificate_in_der()
    {
        await _cli.CreateCaAsync();
        var (handled, response, body) = await GetAsync("/ca.der");
        Assert.True(handled);
        Assert.Equal("application/pkix-cert", response.ContentType);
        Assert.Equal(body.Length, response.ContentLength);
        Assert.Equal(X509CertificateLoader.LoadCertificateFromFile(_cli.RootPemPath).RawData, body);
    }

    [Fact]
    public async Task Ca_mobileconfig_serves_a_profile_holding_the_root()
    {
        await _cli.CreateCaAsync();
        var (handled, response, body) = await GetAsync("/ca.mobileconfig");
        Assert.True(handled);
        Assert.Equal("application/x-apple-aspen-config", response.ContentType);
        var profile = Encoding.UTF8.GetString(body);
        Assert.Contains("<string>com.apple.security.root</string>", profile, StringComparison.Ordinal);
        var root = X509CertificateLoader.LoadCertificateFromFile(_cli.RootPemPath);
        Assert.Contains($"<data>{Convert.ToBase64String(root.RawData)}</data>", profile, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/ca.pem")]
    [InlineData("/ca.der")]
    [InlineData("/ca.mobileconfig")]
    public async Task Without_a_ca_the_answer_is_404_with_what_to_do(string path)
    {
        var (handled, response, body) = await GetAsync(path);
        Assert.True(handled);
        Assert.Equal(404, response.StatusCode);
        Assert.StartsWith("text/plain", response.ContentType, StringComparison.Ordinal);
        Assert.Contains("run gate apply or gate run first", Encoding.UTF8.GetString(body), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/status")]
    [InlineData("/ca.key")]
    [InlineData("/ca.pem/x")]
    public async Task Other_paths_are_left_to_the_caller_untouched(string path)
    {
        await _cli.CreateCaAsync();
        var (handled, response, body) = await GetAsync(path);
        Assert.False(handled);
        Assert.Equal(200, response.StatusCode);
        Assert.Null(response.ContentType);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Head_sends_the_headers_without_the_body()
    {
        await _cli.CreateCaAsync();
        var (handled, response, body) = await GetAsync("/ca.der", "HEAD");
        Assert.True(handled);
        Assert.Equal(200, response.StatusCode);
        Assert.True(response.ContentLength > 0);
        Assert.Empty(body);
    }

    [Fact]
    public async Task Other_methods_are_refused_with_405_and_an_allow_header()
    {
        await _cli.CreateCaAsync();
        var (handled, response, body) = await GetAsync("/ca.pem", "POST");
        Assert.True(handled);
        Assert.Equal(405, response.StatusCode);
        Assert.Equal("GET, HEAD", response.Headers.Allow.ToString());
        Assert.Empty(body);
    }
}
