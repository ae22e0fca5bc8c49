using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace HomelabGate.EndToEnd.Tests.Import;

/// <summary>A loopback upstream that answers "NAME PATH authorization=yes|no": whether the proxy passed the client's
/// Authorization header on. Over HTTPS it has a self-signed certificate, as a Proxmox or a NAS has.</summary>
public sealed class AuthorizationEchoUpstream : IAsyncDisposable
{
    private readonly WebApplication _app;

    private AuthorizationEchoUpstream(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    public static async Task<AuthorizationEchoUpstream> StartAsync(string name, bool https)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (https)
            {
                listen.UseHttps(SelfSigned());
            }
        }));
        var app = builder.Build();
        app.Run(context => context.Response.WriteAsync(
            $"{name} {context.Request.Path}{context.Request.QueryString} authorization={(context.Request.Headers.Authorization.Count > 0 ? "yes" : "no")}"));
        await app.StartAsync();
        return new AuthorizationEchoUpstream(app, new Uri(app.Urls.Single()).Port);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=upstream.invalid", key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
