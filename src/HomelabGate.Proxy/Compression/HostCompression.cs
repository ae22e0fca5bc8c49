using Microsoft.AspNetCore.ResponseCompression;

namespace HomelabGate.Proxy.Compression;

/// <summary>Settings for ASP.NET's response compression, which <see cref="Hosts.HostPolicyMiddleware"/> enters only for
/// hosts with <c>compression: true</c>.</summary>
public static class HostCompression
{
    public static void Configure(ResponseCompressionOptions options)
    {
        // The host opted in, and most homelab hosts are HTTPS; ASP.NET's default (off for HTTPS, because of BREACH)
        // would make the option do nothing there. Hosts that reflect input next to secrets should leave it off.
        options.EnableForHttps = true;
        options.Providers.Add<BrotliCompressionProvider>();
        options.Providers.Add<GzipCompressionProvider>();
        options.MimeTypes = [.. ResponseCompressionDefaults.MimeTypes, "image/svg+xml", "application/manifest+json", "application/xhtml+xml"];
    }
}
