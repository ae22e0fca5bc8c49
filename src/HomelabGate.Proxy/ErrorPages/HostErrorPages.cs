using HomelabGate.Core.Desired;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.ErrorPages;

/// <summary>A host's pages for every answer the gate gives itself (401, 403, 413, 429, 502, 503, 504), built once per
/// configuration; custom pages are read from their files here, never per request.</summary>
public sealed class HostErrorPages
{
    private readonly ErrorPage[] _pages;
    private readonly ErrorPage _signInUnavailable;

    private HostErrorPages(ErrorPage[] pages, ErrorPage signInUnavailable)
    {
        _pages = pages;
        _signInUnavailable = signInUnavailable;
    }

    /// <exception cref="IOException">A custom page cannot be read (validation checked it; it may have gone since).</exception>
    public static HostErrorPages For(ProxyHost host)
    {
        var custom = (host.ErrorPages ?? ValueList<ErrorPageFile>.Empty).ToDictionary(p => p.Status, p => Read(p.File));
        return new HostErrorPages(
            [.. ErrorPageFile.Statuses.Select(status => ErrorPage.Create(status, ErrorPageWording.Explanation(status, host), custom.GetValueOrDefault(status)))],
            ErrorPage.Create(StatusCodes.Status502BadGateway, ErrorPageWording.SignInUnavailable, custom.GetValueOrDefault(StatusCodes.Status502BadGateway)));
    }

    public static bool Covers(int status) => Index(status) >= 0;

    /// <summary>Writes the page for <paramref name="status"/>, which must be one <see cref="Covers"/> accepts.</summary>
    public Task WriteAsync(HttpContext context, int status) => _pages[Index(status)].WriteAsync(context);

    /// <summary>The 502 of a host whose forward-auth server did not answer (its own wording; a custom 502 page still wins).</summary>
    public Task WriteSignInUnavailableAsync(HttpContext context) => _signInUnavailable.WriteAsync(context);

    private static int Index(int status) => status switch
    {
        401 => 0,
        403 => 1,
        413 => 2,
        429 => 3,
        502 => 4,
        503 => 5,
        504 => 6,
        _ => -1,
    };

    private static byte[] Read(string file)
    {
        using var stream = File.OpenRead(file);
        if (stream.Length > ErrorPageFile.MaxBytes)
        {
            throw new IOException($"the error page '{file}' is larger than {ErrorPageFile.MaxBytes / 1024}KB");
        }
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
