namespace HomelabGate.Core.Desired;

/// <summary>Where the daemon sends alerts (a webhook, JSON) and which events. The URL and the headers are shown as
/// "(secret)": chat webhooks carry their token in the URL, and headers carry API keys.</summary>
public sealed record NotificationSettings
{
    public static readonly TimeSpan DefaultTargetDownAfter = TimeSpan.FromMinutes(5);

    [Sensitive]
    public required string Url { get; init; }

    [Sensitive]
    public ValueList<HeaderValue> Headers { get; set; } = ValueList<HeaderValue>.Empty;

    public required ValueList<NotificationEvent> Events { get; init; }

    public TimeSpan TargetDownAfter { get; set; } = DefaultTargetDownAfter;

    public bool Sends(NotificationEvent kind) => Events.Contains(kind);
}
