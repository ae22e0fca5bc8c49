namespace HomelabGate.Daemon.Status;

/// <summary>How close a certificate is to expiry, for the status page's colours and the expiry notification. Amber below
/// 21 days, red below 7 days or once expired — scaled down for short-lived certificates (a quarter and a tenth of the
/// lifetime), so a 24-hour certificate renewed at a third of its life is not amber all its life. Renewal normally happens
/// at a third of the lifetime left (30 days of a 90-day certificate), so amber means it has been missed for a while.</summary>
public static class CertificateExpiry
{
    public static readonly TimeSpan Amber = TimeSpan.FromDays(21);
    public static readonly TimeSpan Red = TimeSpan.FromDays(7);

    public static ExpiryLevel Level(DateTimeOffset? notBefore, DateTimeOffset notAfter, DateTimeOffset now)
    {
        var left = notAfter - now;
        var lifetime = notBefore is { } from && notAfter > from ? notAfter - from : TimeSpan.MaxValue;
        return left <= TimeSpan.Zero ? ExpiryLevel.Expired
            : left < Min(Red, lifetime / 10) ? ExpiryLevel.Red
            : left < Min(Amber, lifetime / 4) ? ExpiryLevel.Amber
            : ExpiryLevel.Fine;
    }

    /// <summary>"5 days", "1 day", "7 hours", "expired 2 days ago".</summary>
    public static string Describe(DateTimeOffset notAfter, DateTimeOffset now)
    {
        var left = notAfter - now;
        var span = left.Duration();
        var amount = span.TotalDays >= 1 ? Plural((int)span.TotalDays, "day") : span.TotalHours >= 1 ? Plural((int)span.TotalHours, "hour") : Plural((int)span.TotalMinutes, "minute");
        return left <= TimeSpan.Zero ? $"expired {amount} ago" : amount;
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}

public enum ExpiryLevel
{
    Fine,
    Amber,
    Red,
    Expired,
}
