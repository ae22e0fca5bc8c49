using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization;
using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Protocol;
using HomelabGate.Core.Manifest;
using HomelabGate.Core.State;

namespace HomelabGate.Tests.Desired;

/// <summary>Source-generated JSON (what Native AOT needs) sets every init-only property from the object initializer, so
/// one that a document leaves out becomes null/0, not its initializer's value: an ACME problem without "subproblems"
/// once crashed `gate apply` that way. Every type these serializers read therefore gives an init-only property no
/// initializer (use a setter, or a nullable type); this walks them all.</summary>
public sealed class SourceGeneratedDefaultsTests
{
    private static readonly Type[] Roots =
    [
        typeof(AppliedState), typeof(ManifestSpec), typeof(AcmeProblem), typeof(AcmeOrder), typeof(AcmeAuthorization),
        typeof(AcmeAccount), typeof(AcmeDirectory), typeof(AcmeChallenge), typeof(HomelabGate.Certificates.Storage.CertificateMetadata),
    ];

    [Fact]
    public void No_type_read_by_source_generated_JSON_has_an_init_only_property_with_an_initializer()
    {
        var offenders = new List<string>();
        foreach (var type in Reachable())
        {
            if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is not { } constructor)
            {
                continue; // positional records: their defaults are constructor parameters, which JSON honours
            }
            var instance = constructor.Invoke(null);
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(IsInitOnly))
            {
                var value = property.GetValue(instance);
                var empty = property.PropertyType.IsValueType ? Activator.CreateInstance(property.PropertyType) : null;
                if (!Equals(value, empty))
                {
                    offenders.Add($"{type.Name}.{property.Name}");
                }
            }
        }
        Assert.True(offenders.Count == 0, "init-only with an initializer (a missing key would read as null/0): " + string.Join(", ", offenders));
        Assert.Contains(typeof(ManifestSpec), Reachable()); // the walk reaches what it should
        Assert.Contains(typeof(HomelabGate.Core.Desired.GatewaySettings), Reachable());
    }

    private static bool IsInitOnly(PropertyInfo property) =>
        property.SetMethod?.ReturnParameter.GetRequiredCustomModifiers().Contains(typeof(IsExternalInit)) == true;

    private static HashSet<Type> Reachable()
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<Type>(Roots);
        while (queue.TryDequeue(out var type))
        {
            if (type.Namespace?.StartsWith("HomelabGate", StringComparison.Ordinal) != true && !type.IsGenericType)
            {
                continue;
            }
            if (!seen.Add(type))
            {
                continue;
            }
            foreach (var next in type.GetGenericArguments()
                .Concat(type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.PropertyType))
                .Concat(type.GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType)))
            {
                queue.Enqueue(Nullable.GetUnderlyingType(next) ?? next);
            }
        }
        return seen;
    }
}
