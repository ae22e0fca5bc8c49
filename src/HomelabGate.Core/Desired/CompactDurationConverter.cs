using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace HomelabGate.Core.Desired;

/// <summary>Writes durations the way the manifest spells them ("2m", "90d", "1500ms") and reads both that and .NET's
/// "hh:mm:ss", so plans show what the user wrote.</summary>
public sealed class CompactDurationConverter : JsonConverter<TimeSpan>
{
    public override TimeSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? "";
        return text.Contains(':', StringComparison.Ordinal) ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : Duration.Parse(text) ?? TimeSpan.Zero;
    }

    public override void Write(Utf8JsonWriter writer, TimeSpan value, JsonSerializerOptions options) => writer.WriteStringValue(Format(value));

    public static string Format(TimeSpan value)
    {
        var ms = (long)value.TotalMilliseconds;
        foreach (var (unit, size) in new[] { ("d", 86_400_000L), ("h", 3_600_000L), ("m", 60_000L), ("s", 1000L) })
        {
            if (ms != 0 && ms % size == 0)
            {
                return $"{ms / size}{unit}";
            }
        }
        return $"{ms}ms";
    }
}
