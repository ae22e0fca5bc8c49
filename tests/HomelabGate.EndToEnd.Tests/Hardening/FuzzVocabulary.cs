namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>The odd values <see cref="RequestMutator"/> picks from: framing header values, chunked bodies, request
/// targets and bytes that parsers have got wrong before.</summary>
public static class FuzzVocabulary
{
    public static readonly IReadOnlyList<string> TransferEncodings =
        ["chunked", "Chunked", " chunked", "chunked ", "chunked\t", "chunked, identity", "identity", "gzip, chunked", "chunked, chunked", "xchunked", "chunk", ""];

    public static readonly IReadOnlyList<string> ContentLengths = ["+3", "-1", "3 3", "0x3", "99999999999999999999", "3,3", " 3", "", "03", "3.0", "1e3"];

    public static readonly IReadOnlyList<string> ChunkedBodies =
    [
        "zz\r\nabc\r\n0\r\n\r\n", "-1\r\nabc\r\n0\r\n\r\n", "fffffffffffffffffff\r\nabc\r\n0\r\n\r\n", "3\r\nabcdef\r\n0\r\n\r\n",
        "3;ext=\0\r\nabc\r\n0\r\n\r\n", "3\nabc\n0\n\n", "0\r\n", "3\r\nabc0\r\n\r\n", "3\r\nabc\r\n0\r\nContent-Length: 5\r\n\r\n",
        "3 \r\nabc\r\n0\r\n\r\n", " 3\r\nabc\r\n0\r\n\r\n", "0x3\r\nabc\r\n0\r\n\r\n", "3\r\nabc\r\n0\r\nX: \0\r\n\r\n",
    ];

    public static readonly IReadOnlyList<string> Targets =
    [
        "http://{0}/x", "http://other.test/x", "https://{0}/", "http://{0}:80/x?y", "http://user@{0}/", "http://[::1]/", "//{0}/x", "*",
        "{0}:80", "/loc/..%2fx", "/..", "/./x", "/a/../../b", "/..;/", "/loc/%2e%2e/x", "/%2f", "/%00", "/%", "/%zz", "/%c0%ae%c0%ae/",
        "/%ff", "/%25", "/%5c..%5c", "/loc%2fx", "/loc/a%2Fb", "/%u002e", "/a#b", "/a b", "/a\tb", "/é", "/?\0", "/a?b#c",
    ];

    public static readonly IReadOnlyList<string> Junk = ["\0", "\r", "\n", "\x7f", "\x80", "\xff", " ", ":", "\t", "\x01"];
}
