namespace HomelabGate.Core.Secrets;

/// <summary>Turns a reference into the secret's value at the moment it is needed (never earlier, never cached in models).</summary>
public interface ISecretResolver
{
    /// <exception cref="SecretUnavailableException">The variable is unset or the file cannot be read.</exception>
    string Resolve(SecretReference reference);
}
