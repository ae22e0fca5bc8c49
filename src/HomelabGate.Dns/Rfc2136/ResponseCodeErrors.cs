using ARSoft.Tools.Net.Dns;

namespace HomelabGate.Dns.Rfc2136;

/// <summary>Turns a server's RCODE (and TSIG error) into a message that says what is wrong and what to check.</summary>
internal static class ResponseCodeErrors
{
    // ARSoft's enum gives BADVERS and BADSIG the same value (16); compare numbers, print our own names.
    private const int BadSig = 16;
    private const int BadKey = 17;
    private const int BadTime = 18;

    public static Rfc2136Exception ToException(DnsMessageBase response, string operation, Rfc2136ServerOptions options)
    {
        var tsigError = (int)(response.TSigOptions?.Error ?? ReturnCode.NoError);
        var keyName = options.Key?.Name ?? "(none)";
        var where = $"{operation} in zone {options.Zone} at {options.ServerText}";
        return (response.ReturnCode, tsigError) switch
        {
            (ReturnCode.NotAuthoritive, BadSig) => new($"{where} failed (NOTAUTH/BADSIG): the TSIG secret is wrong for key '{keyName}'", "NOTAUTH/BADSIG"),
            (ReturnCode.NotAuthoritive, BadKey) => new($"{where} failed (NOTAUTH/BADKEY): the server does not know TSIG key '{keyName}' with that algorithm", "NOTAUTH/BADKEY"),
            (ReturnCode.NotAuthoritive, BadTime) => new($"{where} failed (NOTAUTH/BADTIME): this machine's clock differs from the server's by more than the TSIG fudge", "NOTAUTH/BADTIME"),
            (ReturnCode.NotAuthoritive, _) => new($"{where} failed (NOTAUTH): the server is not authoritative for zone {options.Zone}", "NOTAUTH"),
            (ReturnCode.Refused, _) => new($"{where} failed (REFUSED): the key '{keyName}' may not update this zone/name (check update-policy / allow-transfer)", "REFUSED"),
            (ReturnCode.NotZone, _) => new($"{where} failed (NOTZONE): name outside zone {options.Zone}", "NOTZONE"),
            (ReturnCode.YXRRSet, _) or (ReturnCode.NXRRSet, _) or (ReturnCode.YXDomain, _) or (ReturnCode.NxDomain, _) =>
                new($"{where} failed ({response.ReturnCode.ToString().ToUpperInvariant()}): a prerequisite did not hold; the records changed since they were observed", response.ReturnCode.ToString().ToUpperInvariant()),
            _ => new($"{where} failed ({response.ReturnCode.ToString().ToUpperInvariant()})", response.ReturnCode.ToString().ToUpperInvariant()),
        };
    }

    public static Rfc2136Exception NoAnswer(string operation, Rfc2136ServerOptions options) =>
        new($"{operation} in zone {options.Zone}: no answer from {options.ServerText} within {options.Timeout.TotalSeconds:0.#} s", "TIMEOUT");
}
