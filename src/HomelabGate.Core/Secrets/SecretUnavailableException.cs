namespace HomelabGate.Core.Secrets;

/// <summary>A referenced secret could not be read. The message names the reference, never a value.</summary>
public sealed class SecretUnavailableException(SecretReference reference, string reason)
    : Exception($"secret {reference.Expression} is unavailable: {reason}")
{
    public SecretReference Reference { get; } = reference;
}
