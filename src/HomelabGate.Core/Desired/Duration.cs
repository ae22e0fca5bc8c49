using System.Globalization;

namespace HomelabGate.Core.Desired;

/// <summary>Parses the manifest's durations ("500ms", "10s", "5m", "12h", "90d"); the schema has checked the shape.</summary>
public static class Duration
{
    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var unitStart = text.IndexOf(text.First(char.IsLetter));
        var amount = long.Parse(text[..unitStart], CultureInfo.InvariantCulture);
        return text[unitStart..] switch
        {
            "ms" => TimeSpan.FromMilliseconds(amount),
            "s" => TimeSpan.FromSeconds(amount),
            "m" => TimeSpan.FromMinutes(amount),
            "h" => TimeSpan.FromHours(amount),
            "d" => TimeSpan.FromDays(amount),
            var unit => throw new FormatException($"unknown duration unit '{unit}'"),
        };
    }

    public static long? ParseSize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        var digits = new string(text.TakeWhile(char.IsDigit).ToArray());
        var amount = long.Parse(digits, CultureInfo.InvariantCulture);
        return text[digits.Length..] switch
        {
            "" or "B" => amount,
            "KB" => amount * 1024,
            "MB" => amount * 1024 * 1024,
            "GB" => amount * 1024 * 1024 * 1024,
            var unit => throw new FormatException($"unknown size unit '{unit}'"),
        };
    }
}
