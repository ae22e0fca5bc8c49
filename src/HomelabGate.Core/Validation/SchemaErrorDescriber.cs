using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HomelabGate.Core.Validation;

/// <summary>Turns one NJsonSchema error into a diagnostic a person can act on: what is wrong, where, and how to fix it.</summary>
internal static class SchemaErrorDescriber
{
    public static Diagnostic Describe(ValidationError error, SourceMap map)
    {
        var path = PathOf(error);
        var shown = path.Length == 0 ? "the manifest" : $"'{path}'";
        var schema = error.Schema?.ActualSchema;
        switch (error.Kind)
        {
            case ValidationErrorKind.NoAdditionalPropertiesAllowed:
                var known = schema?.ActualProperties.Keys ?? (IEnumerable<string>)[];
                var name = error.Property ?? path;
                return Diagnostic.Error(DiagnosticCodes.UnknownKey, $"unknown key '{Shorten(name)}' in {Describe(ManifestPath.Parent(path))}",
                    map.Key(path), name == "<<"
                        ? "YAML merge keys (<<: *alias) are not supported; write the keys out, or repeat a whole value with one alias"
                        : Suggestions.DidYouMean(name, known) ?? $"allowed keys: {string.Join(", ", known)}");
            case ValidationErrorKind.PropertyRequired:
                var owner = error.Property is not null && path.EndsWith(error.Property, StringComparison.Ordinal) ? ManifestPath.Parent(path) : path;
                return Diagnostic.Error(DiagnosticCodes.MissingKey, $"{Describe(owner)} needs '{error.Property}'",
                    map.Value(owner), Hint(schema, error.Property) ?? $"add '{error.Property}:' under {Describe(owner)}");
            case ValidationErrorKind.NotInEnumeration when path == "version":
                return Diagnostic.Error(DiagnosticCodes.UnsupportedVersion, "unsupported manifest version", map.Value(path), "write 'version: 1'");
            case ValidationErrorKind.NotInEnumeration:
                var allowed = string.Join(", ", schema?.Enumeration.Select(v => v?.ToString()) ?? []);
                return Diagnostic.Error(DiagnosticCodes.ValueNotAllowed, $"{shown} has a value that is not allowed",
                    map.Value(path), $"use one of: {allowed}");
            case ValidationErrorKind.PatternMismatch when schema?.Pattern?.StartsWith(@"^\$\{(env|file)", StringComparison.Ordinal) == true:
                return Diagnostic.Error(DiagnosticCodes.InlineSecret, $"{shown} must be a secret reference, not the secret itself",
                    map.Value(path), "write ${env:NAME} or ${file:/run/secrets/name}; the manifest lives in git") with { QuotesSecret = true };
            case ValidationErrorKind.PatternMismatch:
                return Diagnostic.Error(DiagnosticCodes.BadFormat, $"{shown} is not in the expected format",
                    map.Value(path), schema?.Description ?? $"it must match {schema?.Pattern}");
            case ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberTooSmall or ValidationErrorKind.IntegerTooBig:
                return Diagnostic.Error(DiagnosticCodes.OutOfRange, $"{shown} is out of range",
                    map.Value(path), $"use a value from {schema?.Minimum} to {schema?.Maximum}");
            case ValidationErrorKind.TooFewItems:
                return Diagnostic.Error(DiagnosticCodes.MissingKey, $"{shown} must not be empty", map.Value(path), "list at least one entry");
            default:
                if (error.Kind.ToString().EndsWith("Expected", StringComparison.Ordinal))
                {
                    var expected = error.Kind.ToString()[..^"Expected".Length].ToLowerInvariant();
                    return Diagnostic.Error(DiagnosticCodes.WrongType, $"{shown} must be {Noun(expected)}",
                        map.Value(path), schema?.Description);
                }
                return Diagnostic.Error(DiagnosticCodes.SchemaOther, $"{shown}: {error.Kind}", map.Value(path), schema?.Description);
        }
    }

    /// <summary>NJsonSchema's path in our spelling: "#/hosts['a b'].domains[0]" becomes "hosts.a b.domains[0]".</summary>
    public static string PathOf(ValidationError error)
    {
        var text = (error.Path ?? "#/").TrimStart('#').TrimStart('/');
        var path = new System.Text.StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '[' && i + 1 < text.Length && text[i + 1] == '\'')
            {
                var key = new System.Text.StringBuilder();
                for (i += 2; i < text.Length && !(text[i] == '\'' && i + 1 < text.Length && text[i + 1] == ']'); i++)
                {
                    key.Append(text[i] == '\\' && i + 1 < text.Length ? text[++i] : text[i]);
                }
                i++;
                path.Append(path.Length == 0 ? "" : ".").Append(key);
            }
            else
            {
                path.Append(text[i]);
            }
        }
        return path.ToString();
    }

    private static string Shorten(string text) => text.Length > 60 ? $"{text[..57]}…" : text;

    private static string Describe(string path) => path.Length == 0 ? "the top level" : $"'{path}'";

    private static string? Hint(JsonSchema? schema, string? property) =>
        property is not null && schema?.ActualProperties.TryGetValue(property, out var p) == true ? p.Description : null;

    private static string Noun(string kind) => kind switch
    {
        "object" => "a mapping (key: value lines)",
        "array" => "a list ([a, b] or '- ' lines)",
        "integer" => "a whole number",
        "boolean" => "true or false",
        _ => $"a {kind}",
    };

}
