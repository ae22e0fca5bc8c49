using System.Security.Cryptography;
using System.Text.Json;

namespace HomelabGate.Core.Desired;

/// <summary>Everything the manifest asks for, normalized, sorted by id. Also the shape of the last applied state.</summary>
public sealed record DesiredState(ValueList<Resource> Resources)
{
    public static DesiredState Empty { get; } = new(ValueList<Resource>.Empty);

    public static DesiredState Of(IEnumerable<Resource> resources) => new(new ValueList<Resource>(resources.OrderBy(r => r.Id)));

    public GatewaySettings Settings => Resources.OfType<GatewaySettings>().SingleOrDefault() ?? new GatewaySettings();

    public IEnumerable<T> All<T>() where T : Resource => Resources.OfType<T>();

    public T? Find<T>(string name) where T : Resource =>
        Resources.OfType<T>().FirstOrDefault(r => r.Id.Name == name);

    private static readonly JsonSerializerOptions Canonical = ResourceJson.Create();

    /// <summary>SHA-256 of the canonical JSON: equal content gives an equal hash, whatever the manifest's comments, order
    /// or layout. What "the daemon serves the manifest" is judged by.</summary>
    public string ContentHash() => Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(this, Canonical.Info<DesiredState>())));

    /// <summary>The <see cref="ContentHash"/> of what replicas must serve alike: without the node's own listen and admin
    /// addresses, which may differ per node (each binds its own IP). Replicas compare this.</summary>
    public string SharedContentHash()
    {
        var settings = Settings with { HttpListen = null, HttpsListen = null, AdminListen = "", Streams = new(Settings.Streams.Select(s => s with { Listen = "" })) };
        return Of(Resources.Where(r => r is not GatewaySettings).Append(settings)).ContentHash();
    }
}
