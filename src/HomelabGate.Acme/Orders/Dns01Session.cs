using HomelabGate.Acme.Errors;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Orders;

/// <summary>The TXT values one order publishes. Disposing removes every value whose publication was attempted,
/// whatever happened (failure, cancellation), with its own time bound; cleanup errors are reported, never thrown,
/// so they cannot hide the error that ended the order.</summary>
internal sealed class Dns01Session(
    IDns01Solver solver,
    IDnsPropagationCheck propagation,
    AcmeOrderOptions options,
    TimeProvider time,
    Action<string> log) : IAsyncDisposable
{
    private readonly List<Dns01Challenge> _attempted = [];

    public async Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        // Recorded first: a Present that failed or was cancelled may still have written the record.
        _attempted.Add(challenge);
        try
        {
            await solver.PresentAsync(challenge, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            throw new AcmeException($"could not publish the TXT record {Name(challenge)} for {challenge.Domain}: {e.Message}", innerException: e);
        }
    }

    public async Task WaitUntilVisibleAsync(Dns01Challenge challenge, CancellationToken cancellationToken)
    {
        if (!await propagation.WaitUntilVisibleAsync(challenge, options.PropagationTimeout, cancellationToken))
        {
            throw new AcmeException(
                $"the TXT record {Name(challenge)} for {challenge.Domain} did not become visible within "
                + $"{AcmeProblemDescriber.FormatDuration(options.PropagationTimeout)}, so the CA was not asked to validate it",
                isTransient: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var bound = new CancellationTokenSource(options.CleanupTimeout, time);
        foreach (var challenge in _attempted)
        {
            try
            {
                await solver.CleanUpAsync(challenge, bound.Token);
            }
            catch (Exception e)
            {
                log($"could not remove the TXT record {Name(challenge)} for {challenge.Domain}: {e.Message}");
            }
        }
    }

    internal static string Name(Dns01Challenge challenge) => challenge.RecordName.TrimEnd('.');
}
