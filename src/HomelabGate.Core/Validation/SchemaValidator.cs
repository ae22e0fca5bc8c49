using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HomelabGate.Core.Validation;

/// <summary>Checks the manifest's shape against schema/homelab.schema.json (embedded) and maps each NJsonSchema error
/// back to the YAML line and column through the <see cref="SourceMap"/>.</summary>
public sealed class SchemaValidator
{
    // Parsed on first use, not when the CLI is composed: `gate --version`, `gate status` and the other commands that
    // never read a manifest do not pay for it (~50 ms in a Native AOT build, more under the JIT).
    private readonly Lazy<JsonSchema> _schema;

    private SchemaValidator(Func<JsonSchema> load) => _schema = new(load);

    public static SchemaValidator Load() => new(ReadEmbeddedSchema);

    /// <remarks>Newtonsoft.Json makes the lists behind NJsonSchema's collection-typed properties ("required",
    /// "enum", extension data) by reflection; these keep their constructors in the Native AOT build.</remarks>
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<string>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(List<object>))]
    [DynamicDependency(DynamicallyAccessedMemberTypes.PublicConstructors, typeof(Dictionary<string, object>))]
    private static JsonSchema ReadEmbeddedSchema()
    {
        using var stream = typeof(SchemaValidator).Assembly.GetManifestResourceStream("homelab.schema.json")
            ?? throw new InvalidOperationException("the manifest schema is not embedded in HomelabGate.Core");
        using var reader = new StreamReader(stream);
        return JsonSchema.FromJsonAsync(reader.ReadToEnd()).GetAwaiter().GetResult();
    }

    public IEnumerable<Diagnostic> Validate(JsonNode? root, SourceMap map) => Check(root, map).Select(f => f.Diagnostic);

    /// <summary>The schema's findings with the path each is about, so a partial manifest can leave those values out.</summary>
    public IReadOnlyList<SchemaFinding> Check(JsonNode? root, SourceMap map)
    {
        var errors = _schema.Value.Validate(root?.ToJsonString() ?? "null");
        return Flatten(errors)
            .Select(e => new SchemaFinding(SchemaErrorDescriber.PathOf(e), SchemaErrorDescriber.Describe(e, map)))
            .DistinctBy(f => (f.Diagnostic.Code, f.Diagnostic.Summary, f.Diagnostic.Location))
            .OrderBy(f => f.Diagnostic.Location?.Line).ThenBy(f => f.Diagnostic.Location?.Column)
            .ToList();
    }

    /// <summary>A failed oneOf (a target as string or object, an issuer of one type or another) reports the errors of
    /// the branch the user most likely meant: the one with the fewest errors.</summary>
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            if (error is ChildSchemaValidationError { Errors.Count: > 0 } child)
            {
                var nested = error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf
                    ? child.Errors.Values.OrderBy(Weight).First()
                    : child.Errors.Values.SelectMany(e => e);
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static int Weight(ICollection<ValidationError> branch) =>
        branch.Sum(e => e.Kind is ValidationErrorKind.NotInEnumeration or ValidationErrorKind.StringExpected
            or ValidationErrorKind.ObjectExpected or ValidationErrorKind.BooleanExpected ? 10 : 1);
}
