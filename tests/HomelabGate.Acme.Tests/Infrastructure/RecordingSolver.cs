using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>Wraps a real solver and records what was presented and cleaned up (and lets a test act after Present).</summary>
public sealed class RecordingSolver(IDns01Solver inner, Func<Dns01Challenge, Dns01Challenge>? rewrite = null) : IDns01Solver
{
    public List<Dns01Challenge> Presented { get; } = [];

    public List<Dns01Challenge> CleanedUp { get; } = [];

    public Action<Dns01Challenge>? AfterPresent { get; init; }

    public async Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        var actual = rewrite?.Invoke(challenge) ?? challenge;
        Presented.Add(actual);
        await inner.PresentAsync(actual, cancellationToken);
        AfterPresent?.Invoke(actual);
    }

    public async Task CleanUpAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        var actual = rewrite?.Invoke(challenge) ?? challenge;
        CleanedUp.Add(actual);
        await inner.CleanUpAsync(actual, cancellationToken);
    }
}
