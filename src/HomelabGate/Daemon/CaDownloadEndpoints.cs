using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Export;
using HomelabGate.Certificates.Storage;
using HomelabGate.Cli.Certificates;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Daemon;

/// <summary>
/// Serves the local CA's root so devices can fetch it from the admin listener: <c>/ca.pem</c>, <c>/ca.der</c> (Android,
/// Windows) and <c>/ca.mobileconfig</c> (iOS, macOS). Only the public certificate is ever served. The root is read on
/// every request from the state store (etcd's in a cluster), so a CA created after start-up, or by the leader, is served
/// without a restart.
/// </summary>
public sealed class CaDownloadEndpoints(CaStore store, RootExporter exporter, MobileConfigWriter mobileConfig)
{

    /// <summary>Answers the request and returns true when the path is one of ours; returns false (and writes nothing) otherwise.</summary>
    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value;
        if (path is not ("/ca.pem" or "/ca.der" or "/ca.mobileconfig"))
        {
            return false;
        }
        var response = context.Response;
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "GET, HEAD";
            return true;
        }
        var lookup = CaRootLoader.Load(store);
        if (lookup.Root is not { } root)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            response.ContentType = "text/plain; charset=utf-8";
            await response.WriteAsync($"No root certificate to download: {lookup.Problem}.\n", context.RequestAborted);
            return true;
        }
        var (body, contentType, fileName) = Render(path, root);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        // The root changes if the CA is ever re-created; a cached copy would be the wrong one.
        response.Headers.CacheControl = "no-cache";
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
        return true;
    }

    private (byte[] Body, string ContentType, string FileName) Render(string path, X509Certificate2 root) => path switch
    {
        "/ca.der" => (exporter.ToDer(root), "application/pkix-cert", "homelabgate-root.cer"),
        "/ca.mobileconfig" => (System.Text.Encoding.UTF8.GetBytes(mobileConfig.Write(root)), "application/x-apple-aspen-config", "homelabgate-root.mobileconfig"),
        _ => (System.Text.Encoding.ASCII.GetBytes(exporter.ToPem(root)), "application/x-pem-file", "homelabgate-root.pem"),
    };
}
