using HomelabGate.Core.Desired;

namespace HomelabGate.Daemon.Notifications;

/// <summary>Something that is wrong right now and may be worth a notification: what (the event and its subject), the
/// words for when it starts and for when it is over, and a <see cref="Fingerprint"/> that changes when it is wrong in a
/// new way (another invalid manifest), which is worth telling again.</summary>
/// <param name="Key">Identifies the condition across checks, e.g. "target-down:media:http://10.0.0.5:8096".</param>
/// <param name="Where">The manifest's name for it: "host jellyfin", "certificate home", "the manifest".</param>
public sealed record AlertCondition(
    string Key,
    NotificationEvent Event,
    string Kind,
    string Name,
    string Where,
    string Title,
    string Message,
    string RecoveredTitle,
    string Fingerprint = "");
