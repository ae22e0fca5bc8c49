namespace HomelabGate.Core.Manifest;

/// <summary><c>settings.notifications</c>: where alerts go and which ones.</summary>
public sealed record NotificationsSpec
{
    public WebhookSpec Webhook { get; set; } = new();

    public List<string>? Events { get; set; }

    public string? TargetDownAfter { get; set; }
}

public sealed record WebhookSpec
{
    public string Url { get; set; } = "";

    public Dictionary<string, string>? Headers { get; set; }
}
