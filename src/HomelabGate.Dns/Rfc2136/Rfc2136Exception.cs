namespace HomelabGate.Dns.Rfc2136;

/// <summary>A DNS server refused, rejected or did not answer. The message says what to fix and never
/// contains the TSIG secret; <see cref="ResponseCode"/> is the RCODE as dig prints it (e.g. "NOTAUTH/BADSIG").</summary>
public sealed class Rfc2136Exception(string message, string responseCode) : Exception(message)
{
    public string ResponseCode { get; } = responseCode;
}
