namespace HomelabGate.Core.State;

/// <summary>The state store seam: keys (relative paths such as <c>ca/root.key</c>, see <see cref="StateKeys"/>) to bytes.
/// The typed stores (applied state, DNS ownership, ACME accounts, the local CA, certificates) keep their formats and
/// read and write through it, so a backend only moves bytes: the state directory (<see cref="FileStateStorage"/>), etcd,
/// later Kubernetes Secrets. Reads are local and synchronous (a backend that lives elsewhere keeps a watched copy), so a
/// replica that loses its store keeps serving what it last knew.</summary>
public interface IStateStorage
{
    /// <summary>Where a key lives, for messages: a path, or the backend's name for it.</summary>
    string Describe(string key);

    /// <returns>The bytes under <paramref name="key"/>, or null when there are none.</returns>
    /// <param name="secret">The key holds a secret: the file backend refuses one others may read.</param>
    /// <exception cref="StateStorageException">Present but unreadable (or not decryptable).</exception>
    byte[]? Read(string key, bool secret = false);

    /// <summary>Every key under <paramref name="folder"/> (e.g. <c>certificates/</c>), in ordinal order.</summary>
    IReadOnlyList<string> List(string folder);

    /// <summary>All or nothing: a reader sees every write or none. A backend shared by replicas fences the write on this
    /// replica's leadership (<see cref="LeadershipLostException"/>).</summary>
    /// <exception cref="StateStorageException">Nothing was written.</exception>
    Task WriteAsync(IReadOnlyList<StateWrite> writes, CancellationToken cancellationToken);

    /// <summary>Raised with the keys another process changed (a shared backend's watch); never for this process's writes.</summary>
    event Action<IReadOnlyList<string>>? Changed;
}
