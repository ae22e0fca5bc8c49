namespace HomelabGate.Acme.Errors;

/// <summary>Turns a problem document into a sentence a homelab user can act on.</summary>
public static class AcmeProblemDescriber
{
    public static string Describe(AcmeProblem problem, TimeSpan? retryAfter = null)
    {
        var text = Phrase(problem.ShortType);
        if (problem.ShortType == "rateLimited" && retryAfter is { } wait)
        {
            text += $" (retry after {FormatDuration(wait)})";
        }
        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            text += ": " + problem.Detail.Trim();
        }
        foreach (var sub in problem.Subproblems)
        {
            var who = sub.Identifier?.Value ?? "(no identifier)";
            text += $"; {who}: {Phrase(sub.ShortType)}" + (string.IsNullOrWhiteSpace(sub.Detail) ? "" : ": " + sub.Detail.Trim());
        }
        return text;
    }

    public static string FormatDuration(TimeSpan t) =>
        t.TotalSeconds < 1 ? $"{t.TotalMilliseconds:0} ms" : t.TotalSeconds < 120 ? $"{Math.Ceiling(t.TotalSeconds):0} s" : t.TotalMinutes < 120 ? $"{Math.Ceiling(t.TotalMinutes):0} min" : $"{t.TotalHours:0.#} h";

    private static string Phrase(string shortType) => shortType switch
    {
        "accountDoesNotExist" => "the CA has no account for this account key",
        "alreadyRevoked" => "the certificate is already revoked",
        "badCSR" => "the CA rejected the certificate signing request",
        "badNonce" => "the CA rejected the request's anti-replay nonce",
        "badPublicKey" => "the CA does not accept this key type",
        "badRevocationReason" => "the CA does not accept this revocation reason",
        "badSignatureAlgorithm" => "the CA does not accept the signature algorithm",
        "caa" => "a CAA DNS record forbids this CA from issuing for the name",
        "compound" => "the CA reported several problems",
        "connection" => "the CA could not connect to the server it had to check",
        "dns" => "the CA's DNS lookup failed",
        "externalAccountRequired" => "the CA requires an external account binding (set the EAB key id and MAC key)",
        "incorrectResponse" => "the challenge response did not match what the CA expected",
        "invalidContact" => "the CA rejected the account's contact address",
        "malformed" => "the CA rejected the request as malformed",
        "orderNotReady" => "the order is not ready to be finalized",
        "rateLimited" => "the CA's rate limit was reached",
        "rejectedIdentifier" => "the CA will not issue certificates for this name",
        "serverInternal" => "the CA had an internal error",
        "tls" => "the CA's TLS connection to the server failed",
        "unauthorized" => "the CA refused the request",
        "unsupportedContact" => "the CA does not support this contact address scheme",
        "unsupportedIdentifier" => "the CA does not support this identifier",
        "userActionRequired" => "the CA requires the account holder to act (for example, accept new terms of service)",
        _ => $"the CA reported a problem ({shortType})",
    };
}
