namespace HomelabGate.Core.Validation.Rules;

/// <summary>The durations a field accepts (both ends included), and why, in words for the hint.</summary>
public sealed record DurationLimit(TimeSpan Min, TimeSpan Max, string Why)
{
    public bool Allows(TimeSpan value) => value >= Min && value <= Max;
}
