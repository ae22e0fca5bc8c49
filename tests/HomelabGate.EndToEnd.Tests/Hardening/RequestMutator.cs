namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>Generates malformed and borderline HTTP/1.1 requests for the raw-socket fuzzer: a valid GET, a POST with a
/// Content-Length body or a chunked one, then one to three mutations from the classes request smuggling and parser
/// bugs come from. Deterministic for a seed.</summary>
public sealed class RequestMutator(Random random, string host)
{
    public const string SmuggledPath = "/smuggled";

    public FuzzRequest Next()
    {
        var request = Base();
        for (var count = random.Next(1, 4); count > 0; count--)
        {
            Mutate(request);
        }
        return request;
    }

    private FuzzRequest Base()
    {
        var request = new FuzzRequest { Target = random.Next(2) == 0 ? "/" : "/loc/item?id=1" };
        request.Headers.Add($"Host: {host}");
        request.Headers.Add("User-Agent: fuzz");
        request.Headers.Add("Connection: close");
        switch (random.Next(3))
        {
            case 0:
                request.Description.Add("GET");
                break;
            case 1:
                request.Method = "POST";
                request.Body = "abc";
                request.Headers.Add("Content-Length: 3");
                request.Description.Add("POST with Content-Length");
                break;
            default:
                request.Method = "POST";
                request.Body = "3\r\nabc\r\n0\r\n\r\n";
                request.Headers.Add("Transfer-Encoding: chunked");
                request.Description.Add("POST chunked");
                break;
        }
        return request;
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private void Mutate(FuzzRequest r)
    {
        switch (random.Next(16))
        {
            case 0:
                r.Headers.Add($"Transfer-Encoding: {Pick(FuzzVocabulary.TransferEncodings)}");
                r.Description.Add("+Transfer-Encoding");
                break;
            case 1:
                r.Headers.Add($"Content-Length: {(random.Next(2) == 0 ? Pick(FuzzVocabulary.ContentLengths) : random.Next(0, 64).ToString(System.Globalization.CultureInfo.InvariantCulture))}");
                r.Description.Add("+Content-Length");
                break;
            case 2:
                r.Headers.Add(Pick(["Transfer-Encoding : chunked", "Transfer_Encoding: chunked", "Transfer-Encoding\t: chunked", " Transfer-Encoding: chunked", "Content-Length : 3", "content-length:3"]));
                r.Description.Add("odd framing header name");
                break;
            case 3:
                r.Headers.Insert(random.Next(r.Headers.Count + 1), Pick([" folded", "\tfolded", " Transfer-Encoding: chunked"]));
                r.Description.Add("obs-fold");
                break;
            case 4:
                var index = random.Next(r.Headers.Count);
                var line = r.Headers[index];
                var at = random.Next(line.Length + 1);
                r.Headers[index] = line[..at] + Pick(FuzzVocabulary.Junk) + line[at..];
                r.Description.Add("control byte in a header");
                break;
            case 5:
                Huge(r);
                break;
            case 6:
                r.Set("Transfer-Encoding", "chunked");
                r.Remove("Content-Length");
                r.Method = "POST";
                r.Body = Pick(FuzzVocabulary.ChunkedBodies);
                r.Description.Add("bad chunked body");
                break;
            case 7:
                r.Target = string.Format(System.Globalization.CultureInfo.InvariantCulture, Pick(FuzzVocabulary.Targets), host);
                r.Description.Add("odd target");
                break;
            case 8:
                RequestLine(r);
                break;
            case 9:
                r.Tail = $"GET {SmuggledPath} HTTP/1.1{r.LineEnd}Host: {host}{r.LineEnd}{r.LineEnd}";
                r.Description.Add("second request after the body");
                break;
            case 10:
                r.Method = "POST";
                r.Body = $"0\r\n\r\nGET {SmuggledPath} HTTP/1.1\r\nHost: {host}\r\n\r\n";
                r.Set("Content-Length", r.Body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
                r.Headers.Add("Transfer-Encoding: chunked");
                r.Description.Add("request hidden in a CL/TE body");
                break;
            case 11:
                HostHeader(r);
                break;
            case 12:
                r.LineEnd = Pick(["\n", "\r", "\n\r", "\r\r\n"]);
                r.Description.Add("line endings");
                break;
            case 13:
                r.Headers.Add(Pick(["Expect: 100-continue", "Upgrade: websocket", "Upgrade: h2c", "Connection: Upgrade", "Sec-WebSocket-Version: 13", "TE: trailers", "Proxy-Connection: keep-alive"]));
                r.Description.Add("hop-by-hop header");
                break;
            case 14:
                r.Remove("Connection");
                r.Description.Add("keep-alive");
                break;
            default:
                r.Headers.Add(Pick(["X-Forwarded-For: 6.6.6.6", "Forwarded: for=6.6.6.6", "Remote_User: admin", "X-Content-Length: 3", "Content-Length: 3\r\nContent-Length: 4"]));
                r.Description.Add("spoofing header");
                break;
        }
    }

    private void Huge(FuzzRequest r)
    {
        switch (random.Next(4))
        {
            case 0:
                r.Headers.Add($"X-Big: {new string('a', Pick([9_000, 40_000, 100_000]))}");
                break;
            case 1:
                r.Headers.AddRange(Enumerable.Range(0, Pick([120, 200, 1000])).Select(i => $"X-H{i}: v"));
                break;
            case 2:
                r.Target = "/" + new string('a', Pick([9_000, 70_000]));
                break;
            default:
                r.Headers.Add($"{new string('N', 20_000)}: v");
                break;
        }
        r.Description.Add("huge");
    }

    private void RequestLine(FuzzRequest r)
    {
        switch (random.Next(7))
        {
            case 0:
                r.Version = Pick(["HTTP/1.0", "HTTP/1.2", "HTTP/2.0", "HTTP/0.9", "http/1.1", "HTTP/1.1 extra", "HTTP/11", ""]);
                break;
            case 1:
                r.Method = Pick(["get", "FOO", "G\0ET", "PROPFIND", "CONNECT", "TRACE", "OPTIONS", "DELETE", "PATCH", "M-SEARCH", ""]);
                if (r.Method == "CONNECT" && random.Next(2) == 0)
                {
                    // A well-formed CONNECT: authority-form target, and the same authority as Host.
                    r.Target = $"{host}:80";
                    r.Set("Host", r.Target);
                }
                break;
            case 2:
                r.Target = r.Target + " ";
                break;
            case 3:
                r.Prefix = Pick(["\r\n", "\r\n\r\n", " ", "\n"]);
                break;
            case 4:
                r.Target = "\t" + r.Target;
                break;
            case 5:
                r.Method = r.Method + " ";
                break;
            default:
                r.Target = "";
                break;
        }
        r.Description.Add("request line");
    }

    private void HostHeader(FuzzRequest r)
    {
        var choice = random.Next(5);
        if (choice == 0)
        {
            r.Remove("Host");
        }
        else if (choice == 1)
        {
            r.Headers.Add($"Host: {host}");
        }
        else
        {
            r.Set("Host", Pick(["", $"{host}:99999", $"{host}@evil.test", $" {host}", $"{host}.", "other.test", $"[{host}]"]));
        }
        r.Description.Add("Host header");
    }
}
