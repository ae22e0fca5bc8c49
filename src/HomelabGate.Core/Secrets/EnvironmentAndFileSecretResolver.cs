namespace HomelabGate.Core.Secrets;

/// <summary>Reads <c>${env:…}</c> from the process environment and <c>${file:…}</c> from disk (trailing newline trimmed,
/// as Docker and Kubernetes secret files usually end with one).</summary>
public sealed class EnvironmentAndFileSecretResolver : ISecretResolver
{
    public string Resolve(SecretReference reference)
    {
        if (reference.Source == SecretSource.Environment)
        {
            return Environment.GetEnvironmentVariable(reference.Location)
                ?? throw new SecretUnavailableException(reference, "the environment variable is not set");
        }
        try
        {
            return File.ReadAllText(reference.Location).TrimEnd('\r', '\n');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SecretUnavailableException(reference, e.Message);
        }
    }
}
