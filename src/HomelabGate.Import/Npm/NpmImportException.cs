namespace HomelabGate.Import.Npm;

/// <summary>The NPM data cannot be imported at all (missing, corrupt or locked database; unreadable files). The message
/// says what is wrong and where; <see cref="Hint"/> says what to do. Never carries a secret.</summary>
public sealed class NpmImportException(string message, string hint, Exception? inner = null) : Exception(message, inner)
{
    public string Hint { get; } = hint;
}
