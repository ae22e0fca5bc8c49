using HomelabGate.Core.Desired;
using HomelabGate.Daemon.Notifications;

namespace HomelabGate.Tests.Daemon;

/// <summary>Each condition is told once when it starts (a target only after its grace period), once when it ends, and
/// again only when it changes in kind — however often the daemon checks.</summary>
public sealed class AlertTrackerTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static readonly AlertCondition Down = new("target-down:media:http://10.0.0.5", NotificationEvent.TargetDown, "target",
        "http://10.0.0.5", "host jellyfin", "host jellyfin: target http://10.0.0.5 is down", "connection refused", "host jellyfin: target http://10.0.0.5 is back");

    private static readonly AlertCondition Invalid = new("manifest-invalid", NotificationEvent.ManifestInvalid, "manifest", "homelab.yaml",
        "the manifest", "the manifest is invalid", "HG3001", "the manifest is valid again", "homelab.yaml:7:15: error HG3001");

    private static NotificationSettings Settings(params NotificationEvent[] events) => new()
    {
        Url = "http://127.0.0.1/hook",
        Events = new(events.Length > 0 ? events : Enum.GetValues<NotificationEvent>()),
        TargetDownAfter = TimeSpan.FromMinutes(5),
    };

    [Fact]
    public void A_target_is_told_once_after_it_has_been_down_for_the_grace_period_and_once_when_it_is_back()
    {
        var tracker = new AlertTracker();
        var settings = Settings();

        Assert.Empty(tracker.Update([Down], settings, Start));
        Assert.Empty(tracker.Update([Down], settings, Start.AddMinutes(4)));
        var told = Assert.Single(tracker.Update([Down], settings, Start.AddMinutes(5)));
        Assert.Empty(tracker.Update([Down], settings, Start.AddMinutes(6)));
        Assert.Empty(tracker.Update([Down], settings, Start.AddHours(3)));
        var back = Assert.Single(tracker.Update([], settings, Start.AddHours(3).AddMinutes(12)));

        Assert.Equal((NotificationEvent.TargetDown, (NotificationEvent?)null, Start), (told.Event, told.Resolves, told.Since));
        Assert.Equal((NotificationEvent.Recovered, (NotificationEvent?)NotificationEvent.TargetDown), (back.Event, back.Resolves));
        Assert.Equal("Host jellyfin: target http://10.0.0.5 is back (the problem lasted 3 h 12 min).", back.Message);
        Assert.Empty(tracker.Update([], settings, Start.AddHours(4)));
    }

    [Fact]
    public void A_target_that_recovers_within_the_grace_period_is_never_told()
    {
        var tracker = new AlertTracker();

        Assert.Empty(tracker.Update([Down], Settings(), Start));
        Assert.Empty(tracker.Update([], Settings(), Start.AddMinutes(2)));
        Assert.Empty(tracker.Update([Down], Settings(), Start.AddMinutes(3)));
        Assert.Empty(tracker.Update([Down], Settings(), Start.AddMinutes(7)));
        Assert.Single(tracker.Update([Down], Settings(), Start.AddMinutes(8)));
    }

    [Fact]
    public void A_manifest_is_told_at_once_and_again_only_when_it_is_invalid_in_another_way()
    {
        var tracker = new AlertTracker();

        Assert.Single(tracker.Update([Invalid], Settings(), Start));
        Assert.Empty(tracker.Update([Invalid], Settings(), Start.AddMinutes(1)));
        Assert.Single(tracker.Update([Invalid with { Fingerprint = "homelab.yaml:9:3: error HG2001" }], Settings(), Start.AddMinutes(2)));
        Assert.Empty(tracker.Update([Invalid with { Fingerprint = "homelab.yaml:9:3: error HG2001" }], Settings(), Start.AddMinutes(3)));
    }

    [Fact]
    public void Only_the_chosen_events_are_sent_and_a_recovery_only_for_what_was_told()
    {
        var tracker = new AlertTracker();
        var onlyManifest = Settings(NotificationEvent.ManifestInvalid);

        var first = tracker.Update([Invalid, Down], onlyManifest, Start);
        var later = tracker.Update([Invalid, Down], onlyManifest, Start.AddMinutes(10));
        var over = tracker.Update([], onlyManifest, Start.AddMinutes(11));

        Assert.Equal([NotificationEvent.ManifestInvalid], first.Select(n => n.Event));
        Assert.Empty(later);
        Assert.Empty(over); // recovered is not among the chosen events
    }
}
