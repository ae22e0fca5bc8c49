using Yarp.ReverseProxy.Transforms;

namespace HomelabGate.Proxy.Requests;

/// <summary>Sets the upstream URI from the client's raw path (see <see cref="VerbatimPath"/>) instead of YARP's
/// re-encoding of the decoded path, which turns <c>%2F</c> into <c>%252F</c> and <c>%3B</c> into <c>;</c>.</summary>
internal sealed class RawPathTransform(int strip) : RequestTransform
{
    private static readonly UriCreationOptions Verbatim = new() { DangerousDisablePathAndQueryCanonicalization = true };

    public override ValueTask ApplyAsync(RequestTransformContext context)
    {
        var prefix = context.DestinationPrefix.EndsWith('/') ? context.DestinationPrefix[..^1] : context.DestinationPrefix;
        // Canonicalization off: System.Uri would otherwise unescape and re-resolve what the client sent.
        context.ProxyRequest.RequestUri = new Uri(prefix + VerbatimPath.PathAndQuery(context.HttpContext, strip), in Verbatim);
        return ValueTask.CompletedTask;
    }
}
