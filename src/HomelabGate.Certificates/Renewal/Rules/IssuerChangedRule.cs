using HomelabGate.Core.Engine;
using HomelabGate.Certificates.Keys;

namespace HomelabGate.Certificates.Renewal.Rules;

/// <summary>The intermediate was replaced (rotation, new constraints, new CA): re-issue so the served chain verifies.</summary>
public sealed class IssuerChangedRule : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context) => context.CurrentIssuer is null || CertificateSignature.IsIssuedBy(context.Certificate.Leaf, context.CurrentIssuer)
        ? null
        : new RenewalReason(
            RenewalReasonCode.IssuerChanged,
            $"the certificate was issued by '{context.Certificate.Leaf.Issuer}', not by the current intermediate '{context.CurrentIssuer?.Subject}'");
}
