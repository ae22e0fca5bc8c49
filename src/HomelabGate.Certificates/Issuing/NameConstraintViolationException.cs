namespace HomelabGate.Certificates.Issuing;

/// <summary>A requested name lies outside what the intermediate may sign for; clients would reject such a certificate.</summary>
public sealed class NameConstraintViolationException(string certificateName, IReadOnlyList<string> names, string permitted) : Exception(
    $"Certificate '{certificateName}' asks for {string.Join(", ", names.Select(n => $"'{n}'"))}, outside the local CA's name constraints " +
    $"({permitted}). Use names under a permitted domain, or widen the CA's name constraints.")
{
    public IReadOnlyList<string> Names { get; } = names;
}
