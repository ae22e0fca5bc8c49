namespace HomelabGate.Core.State;

/// <summary>Copies the state (<see cref="StateKeys.Roots"/>: applied state, DNS ownership, CA, certificates, ACME
/// accounts) from one store to another — a state directory into etcd and back — so an install keeps its CA and
/// certificates. Nothing in the target is replaced unless asked; node-local files (the lock, cookie keys) stay behind.</summary>
public static class StateMigrator
{
    /// <summary>etcd refuses transactions of more than 128 operations by default; the fence and key check take two.</summary>
    private const int Batch = 100;

    /// <returns>The keys copied, in order.</returns>
    /// <exception cref="InvalidOperationException">The target already holds state and <paramref name="replace"/> is false.</exception>
    public static async Task<IReadOnlyList<string>> CopyAsync(IStateStorage from, IStateStorage to, bool replace, CancellationToken cancellationToken)
    {
        var present = Keys(to);
        if (present.Count > 0 && !replace)
        {
            throw new InvalidOperationException(
                $"the target already holds state ({present.Count} keys, e.g. {to.Describe(present[0])}); nothing was copied. Use --force to replace it");
        }
        var keys = Keys(from);
        var writes = keys.Select(k => new StateWrite(k, from.Read(k, StateKeys.IsSecret(k)), StateKeys.IsSecret(k))).Where(w => w.Content is not null).ToList();
        foreach (var batch in writes.Chunk(Batch))
        {
            await to.WriteAsync(batch, cancellationToken);
        }
        return [.. writes.Select(w => w.Key)];
    }

    private static List<string> Keys(IStateStorage storage) =>
        [.. StateKeys.Roots.SelectMany(root => root.EndsWith('/') ? storage.List(root) : storage.Read(root, StateKeys.IsSecret(root)) is null ? [] : [root])];
}
