using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace HomelabGate.Core.Secrets;

/// <summary>A reference to a secret (<c>${env:NAME}</c> or <c>${file:/run/secrets/x}</c>); the value itself is
/// never stored in the manifest model, plans or status. <see cref="ToString"/> prints "(secret)".</summary>
public sealed partial record SecretReference(SecretSource Source, string Location)
{
    public const string Redacted = "(secret)";

    public static bool TryParse(string? text, [NotNullWhen(true)] out SecretReference? reference)
    {
        reference = null;
        if (text is null)
        {
            return false;
        }
        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        var source = match.Groups["kind"].Value == "env" ? SecretSource.Environment : SecretSource.File;
        reference = new SecretReference(source, match.Groups["where"].Value);
        return true;
    }

    /// <summary>The reference as the user wrote it; safe to show (it names where the secret is, not what it is).</summary>
    public string Expression => Source == SecretSource.Environment ? $"${{env:{Location}}}" : $"${{file:{Location}}}";

    public override string ToString() => Redacted;

    [GeneratedRegex(@"^\$\{(?<kind>env|file):(?<where>[^}]+)\}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
