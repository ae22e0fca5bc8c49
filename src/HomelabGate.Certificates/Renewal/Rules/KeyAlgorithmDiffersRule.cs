using HomelabGate.Core.Engine;
namespace HomelabGate.Certificates.Renewal.Rules;

public sealed class KeyAlgorithmDiffersRule : IRenewalRule
{
    public RenewalReason? Evaluate(RenewalContext context)
    {
        var (stored, wanted) = (context.Certificate.Key.Algorithm, context.Request.KeyAlgorithm);
        return stored == wanted
            ? null
            : new RenewalReason(RenewalReasonCode.KeyAlgorithmDiffers, $"the key is {stored}, but {wanted} is requested");
    }
}
