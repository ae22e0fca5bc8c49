namespace HomelabGate.Import.Npm.Translation;

/// <summary>An access list's IP rules in gate's model, and where that model could not say exactly what NPM did.</summary>
internal sealed record AccessRules(List<string> Allow, List<string> Deny, List<string> Problems);
