using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal.Rules;

/// <summary>Catches a crash between renaming key.pem and cert.pem, or files mixed up by hand.</summary>
public sealed class KeyDoesNotMatchCertificateRule : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context) => context.Certificate.Key.Matches(context.Certificate.Leaf)
        ? null
        : new RenewalReason(RenewalReasonCode.KeyDoesNotMatchCertificate, "the stored private key does not belong to the stored certificate");
}
