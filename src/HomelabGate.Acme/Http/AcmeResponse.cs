using System.Net;
using System.Net.Http.Headers;

namespace HomelabGate.Acme.Http;

/// <summary>What the protocol layer needs from one HTTP response, read fully (and size-capped) before the connection is released.</summary>
internal sealed record AcmeResponse(
    HttpStatusCode Status,
    byte[] Body,
    string? ContentType,
    Uri? Location,
    string? ReplayNonce,
    RetryConditionHeaderValue? RetryAfter,
    IReadOnlyList<Uri> AlternateLinks);
