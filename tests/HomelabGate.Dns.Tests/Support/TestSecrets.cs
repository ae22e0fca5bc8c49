using HomelabGate.Core.Secrets;

namespace HomelabGate.Dns.Tests.Support;

/// <summary>Resolves references from an in-memory table, so tests need not touch the process environment.</summary>
public sealed class TestSecrets(IReadOnlyDictionary<string, string> values) : ISecretResolver
{
    public static SecretReference Ref(string name) => new(SecretSource.Environment, name);

    public string Resolve(SecretReference reference) =>
        values.TryGetValue(reference.Location, out var value)
            ? value
            : throw new SecretUnavailableException(reference, "not set in the test");
}
