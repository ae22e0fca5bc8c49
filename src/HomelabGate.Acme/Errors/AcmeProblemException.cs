namespace HomelabGate.Acme.Errors;

/// <summary>The CA answered with a problem document.</summary>
public sealed class AcmeProblemException : AcmeException
{
    public AcmeProblemException(AcmeProblem problem, TimeSpan? retryAfter = null, string? message = null)
        : base(message ?? AcmeProblemDescriber.Describe(problem, retryAfter), problem.IsTransient, retryAfter)
    {
        Problem = problem;
    }

    public AcmeProblem Problem { get; }
}
