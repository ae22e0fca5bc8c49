using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Core.Desired;

/// <summary>Serialization shared by the state file and the plan output: data properties only. Computed properties
/// (Id, Summary, IsEmpty, …) have no setter and are left out, so neither the state nor a plan repeats derived values.</summary>
public static class ResourceJson
{
    public static JsonSerializerOptions Create(params Action<JsonTypeInfo>[] extraModifiers)
    {
        var resolver = ResourceJsonContext.Default.WithAddedModifier(DataOnly);
        foreach (var modifier in extraModifiers)
        {
            resolver = resolver.WithAddedModifier(modifier);
        }
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = resolver,
        };
        foreach (var converter in Converters())
        {
            options.Converters.Add(converter);
        }
        return options;
    }

    /// <summary>One converter per enum and per list type in the state, named here because Native AOT cannot make
    /// generic converters at run time (a test walks the resource types and checks none is missing).</summary>
    private static IEnumerable<JsonConverter> Converters() =>
    [
        new CompactDurationConverter(),
        new KebabEnumConverter<ResourceKind>(), new KebabEnumConverter<LoadBalancing>(), new KebabEnumConverter<IssuerType>(),
        new KebabEnumConverter<KeyType>(), new KebabEnumConverter<DnsProviderType>(), new KebabEnumConverter<Dns01ProviderType>(),
        new KebabEnumConverter<NotificationEvent>(), new KebabEnumConverter<SecretSource>(),
        new ValueListConverter<string>(), new ValueListConverter<Resource>(), new ValueListConverter<ErrorPageFile>(),
        new ValueListConverter<TcpStream>(), new ValueListConverter<IpRule>(), new ValueListConverter<HostLocation>(),
        new ValueListConverter<HeaderValue>(), new ValueListConverter<BasicAuthUser>(), new ValueListConverter<UpstreamTarget>(),
        new ValueListConverter<NotificationEvent>(),
    ];

    /// <summary>The options' metadata for <typeparamref name="T"/>: serializing through it needs no reflection.</summary>
    public static JsonTypeInfo<T> Info<T>(this JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));

    private static void DataOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        foreach (var property in info.Properties.Where(p => p.Set is null && p.AssociatedParameter is null).ToList())
        {
            info.Properties.Remove(property);
        }
    }
}
