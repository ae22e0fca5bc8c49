namespace HomelabGate.Core.Secrets;

/// <summary>For fields that must hold a reference: the parsed reference, or a clear error naming the field.</summary>
public static class SecretReferences
{
    public static SecretReference Require(string? value, string field) =>
        SecretReference.TryParse(value, out var reference)
            ? reference
            : throw new SecretUnavailableException(new SecretReference(SecretSource.Environment, field), $"{field} must be a ${{env:…}} or ${{file:…}} reference");
}
