using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Protocol;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Orders;

/// <summary>Explains why the CA refused a dns-01 validation in words about the TXT record the user controls.</summary>
internal static class ValidationFailure
{
    public static AcmeException Describe(AcmeAuthorization authorization, Dns01Challenge challenge)
    {
        var name = Dns01Session.Name(challenge);
        var status = authorization.Status.ToString().ToLowerInvariant();
        var problem = authorization.Challenges.FirstOrDefault(c => c.Type == AcmeChallenge.Dns01)?.Error;
        if (problem is null)
        {
            return new AcmeException($"the CA marked the authorization for {challenge.Domain} {status} without saying why");
        }
        var what = problem.ShortType switch
        {
            "unauthorized" or "incorrectResponse" => $"the CA could not find the expected TXT record at {name}",
            "dns" => $"the CA's DNS lookup of {name} failed",
            _ => $"the CA could not validate {challenge.Domain} at {name} ({AcmeProblemDescriber.Describe(problem with { Detail = null })})",
        };
        var detail = string.IsNullOrWhiteSpace(problem.Detail) ? "" : ": " + problem.Detail.Trim();
        return new AcmeProblemException(problem, message: what + detail);
    }

    public static AcmeException OrderFailed(AcmeOrder order) =>
        order.Error is { } problem
            ? new AcmeProblemException(problem, message: $"the order {order.Url} became invalid: {AcmeProblemDescriber.Describe(problem)}")
            : new AcmeException($"the order {order.Url} became invalid without a reason from the CA");
}
