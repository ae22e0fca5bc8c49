namespace HomelabGate.Proxy.ErrorPages;

/// <summary>The built-in page: small, readable on a phone, no script and nothing loaded from elsewhere.</summary>
internal static class ErrorPageHtml
{
    private const string Style =
        "body{font:16px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1f2328;background:#fff}" +
        "h1{font-size:1.5rem;margin:0 0 .5rem}footer{margin-top:2rem;color:#656d76;font-size:.875rem}" +
        "@media (prefers-color-scheme:dark){body{color:#e6edf3;background:#0d1117}footer{color:#8d96a0}}";

    /// <param name="explanation">Already HTML-encoded; its <c>{0}</c> slot is filled with the host per answer.</param>
    public static string Render(string title, string explanation) =>
        "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
        $"<title>{title}</title>\n<style>{Style}</style>\n</head>\n<body>\n<h1>{title}</h1>\n<p>{explanation}</p>\n" +
        "<footer>Answered by HomelabGate, the reverse proxy in front of this site.</footer>\n</body>\n</html>\n";
}
