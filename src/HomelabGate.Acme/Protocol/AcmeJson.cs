using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using HomelabGate.Acme.Errors;

namespace HomelabGate.Acme.Protocol;

/// <summary>One immutable serializer configuration for every ACME resource.</summary>
internal static class AcmeJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<AcmeStatus>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        RespectNullableAnnotations = true,
        TypeInfoResolver = AcmeJsonContext.Default,
    };

    /// <summary>Source-generated metadata (<see cref="AcmeJsonContext"/>; no reflection: the published gate is Native AOT).
    /// A type missing there fails here at once, in every build.</summary>
    public static JsonTypeInfo<T> Info<T>() => (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Info<T>());

    /// <summary>Deserializes a CA response; anything unreadable becomes a plain-words error naming what was expected.</summary>
    public static T Deserialize<T>(byte[] body, string what, Uri url)
    {
        try
        {
            return JsonSerializer.Deserialize(body, Info<T>())
                ?? throw new JsonException("the document is null");
        }
        catch (JsonException e)
        {
            throw new AcmeException($"the CA at {url} sent a {what} that is not valid ACME JSON ({e.Message})", innerException: e);
        }
    }
}
