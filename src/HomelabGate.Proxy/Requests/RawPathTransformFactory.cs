using System.Globalization;
using Yarp.ReverseProxy.Transforms.Builder;

namespace HomelabGate.Proxy.Requests;

/// <summary>The route transform <c>{ "HgRawPath": "N" }</c>: forward the client's raw path without its first N
/// segments (0 for a host, the prefix's segment count for a stripped location).</summary>
public sealed class RawPathTransformFactory : ITransformFactory
{
    public const string Key = "HgRawPath";

    public static IReadOnlyDictionary<string, string> Config(int strip) =>
        new Dictionary<string, string> { [Key] = strip.ToString(CultureInfo.InvariantCulture) };

    public bool Validate(TransformRouteValidationContext context, IReadOnlyDictionary<string, string> transformValues)
    {
        if (!transformValues.TryGetValue(Key, out var value))
        {
            return false;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
        {
            context.Errors.Add(new ArgumentException($"{Key} must be a segment count, not '{value}'"));
        }
        return true;
    }

    public bool Build(TransformBuilderContext context, IReadOnlyDictionary<string, string> transformValues)
    {
        if (!transformValues.TryGetValue(Key, out var value))
        {
            return false;
        }
        context.RequestTransforms.Add(new RawPathTransform(int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture)));
        return true;
    }
}
