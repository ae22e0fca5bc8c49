namespace HomelabGate.Tests.Daemon;

public sealed class WebhookDescriptionTests
{
    [Theory]
    [InlineData("https://alice:hunter2@ntfy.example.com/secret-topic", "https://ntfy.example.com")]
    [InlineData("http://homeassistant.local:8123/api/webhook/abc123", "http://homeassistant.local:8123")]
    [InlineData("${env:DISCORD_WEBHOOK_URL}", "${env:DISCORD_WEBHOOK_URL}")]
    public void Logs_name_a_webhook_without_its_path_or_password(string url, string shown) =>
        Assert.Equal(shown, HomelabGate.Daemon.Notifications.WebhookSender.Describe(url));
}
