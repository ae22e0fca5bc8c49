// The floor the gate is measured against (issue 14's first milestone: "a plain proxy host costs no more than bare
// YARP"): Kestrel + YARP's IHttpForwarder to one backend, nothing else — no routing table, no middleware, no metrics,
// no health, no access log — with the same socket tuning the gate uses (inline socket completions and scheduling),
// the same listeners (HTTP/1.1; HTTPS with HTTP/1.1 + HTTP/2) and the same forwarded headers (X-Forwarded-*).
// Usage: bare-yarp HTTP_PORT HTTPS_PORT BACKEND_URL CERT_PEM KEY_PEM
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
var httpPort = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var httpsPort = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
var backend = args[2];
using var pem = X509Certificate2.CreateFromPemFile(args[3], args[4]);
// An ephemeral key cannot be used by SslStream on every platform; export and re-import it as .NET recommends.
using var certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
builder.WebHost.ConfigureKestrel(k =>
{
    k.AddServerHeader = false;
    k.Listen(IPAddress.Loopback, httpPort, l => l.Protocols = HttpProtocols.Http1);
    k.Listen(IPAddress.Loopback, httpsPort, l =>
    {
        l.Protocols = HttpProtocols.Http1AndHttp2;
        l.UseHttps(certificate);
    });
});
builder.Services.AddHttpForwarder();
var app = builder.Build();
var client = new HttpMessageInvoker(new SocketsHttpHandler
{
    UseProxy = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    UseCookies = false,
    ActivityHeadersPropagator = null,
    ConnectTimeout = TimeSpan.FromSeconds(15),
});
// The default transforms (X-Forwarded-For/Proto/Host/Prefix) with the client's Host kept, as the gate and nginx send.
var transformer = app.Services.GetRequiredService<ITransformBuilder>().Create(t => t.AddOriginalHost(true));
app.MapForwarder("/{**catch-all}", backend, ForwarderRequestConfig.Empty, transformer, client);
app.Run();
