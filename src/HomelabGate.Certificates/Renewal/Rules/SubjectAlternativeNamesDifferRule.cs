using HomelabGate.Core.Engine;
using HomelabGate.Certificates.Issuing;

namespace HomelabGate.Certificates.Renewal.Rules;

public sealed class SubjectAlternativeNamesDifferRule : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context)
    {
        var stored = SubjectNames.Of(context.Certificate.Leaf);
        var wanted = context.Request.Names;
        return stored.Equals(wanted)
            ? null
            : new RenewalReason(RenewalReasonCode.SubjectAlternativeNamesDiffer, $"the certificate covers [{stored}], but [{wanted}] is requested");
    }
}
