using HomelabGate.Core.Desired;
using HomelabGate.Daemon.Notifications;

namespace HomelabGate.Tests.Daemon;

/// <summary>What of a status snapshot is worth a notification, in the manifest's names.</summary>
public sealed class AlertConditionsTests
{
    [Fact]
    public void A_down_target_a_failed_and_a_nearly_expired_certificate_are_conditions_an_amber_one_is_not()
    {
        var conditions = AlertConditions.Of(SampleSnapshot.Create());

        Assert.Equal(
            [
                (NotificationEvent.CertificateExpiring, "certificate old expires in 3 days"),
                (NotificationEvent.CertificateFailed, "certificate public could not be issued"),
                (NotificationEvent.TargetDown, "host media: target http://192.168.1.11:8096/ is down"),
            ],
            conditions.Select(c => (c.Event, c.Title)));
        Assert.Contains("connection refused", conditions.Single(c => c.Event == NotificationEvent.TargetDown).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_invalid_manifest_is_a_condition_whose_fingerprint_is_its_errors()
    {
        var condition = AlertConditions.Of(SampleSnapshot.Create(invalid: true)).Single(c => c.Event == NotificationEvent.ManifestInvalid);

        Assert.Equal("homelab.yaml:7:15: error HG3001: unknown upstream 'meda'", condition.Fingerprint);
        Assert.Contains("has 1 error; the first: homelab.yaml:7:15: error HG3001", condition.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_payload_carries_the_words_under_each_receivers_names_and_no_secret()
    {
        var notification = new Notification(NotificationEvent.TargetDown, null, "target", "http://10.0.0.5:8096", "host jellyfin",
            "host jellyfin: target http://10.0.0.5:8096 is down", "connection refused", SampleSnapshot.Now, SampleSnapshot.Now.AddMinutes(5));

        var json = System.Text.Json.Nodes.JsonNode.Parse(WebhookPayload.Json(notification, "/etc/homelabgate/homelab.yaml"))!;

        Assert.Equal("target-down", (string)json["event"]!);
        Assert.Equal("firing", (string)json["status"]!);
        Assert.Equal("HomelabGate: host jellyfin: target http://10.0.0.5:8096 is down", (string)json["title"]!);
        Assert.Equal("connection refused", (string)json["message"]!);
        Assert.Equal("HomelabGate: host jellyfin: target http://10.0.0.5:8096 is down\nconnection refused", (string)json["text"]!);
        Assert.Equal("**HomelabGate: host jellyfin: target http://10.0.0.5:8096 is down**\nconnection refused", (string)json["content"]!);
        Assert.Equal("host jellyfin", (string)json["subject"]!["where"]!);
    }
}
