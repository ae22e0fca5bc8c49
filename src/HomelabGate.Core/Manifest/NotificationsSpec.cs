namespace HomelabGate.Core.Manifest;

/// <summary><c>settings.notifications</c>: where alerts go and which ones.</summary>
public sealed record NotificationsSpec
{
    public WebhookSpec Webhook { get; init; } = new();

    public List<string>? Events { get; init; }

    public string? TargetDownAfter { get; init; }
}

public sealed record WebhookSpec
{
    public string Url { get; init; } = "";

    public Dictionary<string, string>? Headers { get; init; }
}
