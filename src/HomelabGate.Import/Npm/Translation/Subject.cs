namespace HomelabGate.Import.Npm.Translation;

/// <summary>How the report and comments name an NPM row: its kind, id and what a user recognises it by.</summary>
internal static class Subject
{
    public static string Of(string kind, int id, IReadOnlyList<string> domains) =>
        domains.Count == 0 ? $"{kind} {id}" : $"{kind} {id} ({string.Join(", ", domains)})";

    public static string Of(string kind, int id, string name) => name.Length == 0 ? $"{kind} {id}" : $"{kind} {id} ({name})";
}
