using System.Globalization;

namespace HomelabGate.Core.Desired;

/// <summary>Parses the manifest's durations ("500ms", "10s", "5m", "12h", "90d") and sizes ("512KB", "10MB"). The schema
/// checks the shape; <see cref="TryParse"/> also refuses amounts no TimeSpan can hold, so nothing here overflows.</summary>
public static class Duration
{
    private static readonly (string Unit, long Size)[] Units =
        [("ms", TimeSpan.TicksPerMillisecond), ("s", TimeSpan.TicksPerSecond), ("m", TimeSpan.TicksPerMinute), ("h", TimeSpan.TicksPerHour), ("d", TimeSpan.TicksPerDay)];

    private static readonly (string Unit, long Size)[] SizeUnits = [("", 1), ("B", 1), ("KB", 1L << 10), ("MB", 1L << 20), ("GB", 1L << 30)];

    /// <exception cref="FormatException">Not a duration, or too large for one (rules report both before this runs).</exception>
    public static TimeSpan? Parse(string? text) =>
        string.IsNullOrEmpty(text) ? null : TryParse(text, out var value) ? value : throw new FormatException($"'{text}' is not a duration");

    public static bool TryParse(string text, out TimeSpan value)
    {
        var parsed = TryScale(text, Units, TimeSpan.MaxValue.Ticks, out var ticks);
        value = TimeSpan.FromTicks(ticks);
        return parsed;
    }

    /// <exception cref="FormatException">Not a size, or more bytes than a long holds.</exception>
    public static long? ParseSize(string? text) =>
        string.IsNullOrEmpty(text) ? null : TryParseSize(text, out var value) ? value : throw new FormatException($"'{text}' is not a size");

    public static bool TryParseSize(string text, out long value) => TryScale(text, SizeUnits, long.MaxValue, out value);

    /// <summary>Digits times the unit's size, refused when the unit is unknown or the product passes <paramref name="max"/>.</summary>
    private static bool TryScale(string text, (string Unit, long Size)[] units, long max, out long value)
    {
        value = 0;
        var amount = Amount(text, out var unit);
        var size = units.FirstOrDefault(u => u.Unit == unit).Size;
        if (amount is not { } n || size == 0 || n > max / size)
        {
            return false;
        }
        value = n * size;
        return true;
    }

    private static long? Amount(string text, out string unit)
    {
        var digits = text.TakeWhile(char.IsAsciiDigit).Count();
        unit = text[digits..];
        return digits > 0 && long.TryParse(text.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) ? amount : null;
    }
}
