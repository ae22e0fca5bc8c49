using HomelabGate.Core.Desired;

namespace HomelabGate.Daemon.Notifications;

/// <summary>One message to send: a condition that started (<see cref="Resolves"/> null) or ended (<see cref="Event"/> is
/// <see cref="NotificationEvent.Recovered"/> and <see cref="Resolves"/> says what ended).</summary>
public sealed record Notification(
    NotificationEvent Event,
    NotificationEvent? Resolves,
    string Kind,
    string Name,
    string Where,
    string Title,
    string Message,
    DateTimeOffset Since,
    DateTimeOffset At);
