using HomelabGate.Acme.Jws;

namespace HomelabGate.Acme.Protocol;

/// <summary>What newAccount sends. Contacts are URLs such as "mailto:admin@example.org".</summary>
public sealed record AcmeAccountOptions
{
    public IReadOnlyList<string> Contact { get; init; } = [];

    public bool TermsOfServiceAgreed { get; init; } = true;

    public ExternalAccountBinding? ExternalAccountBinding { get; init; }
}
