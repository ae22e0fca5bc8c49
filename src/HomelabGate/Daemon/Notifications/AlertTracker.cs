using HomelabGate.Core.Desired;

namespace HomelabGate.Daemon.Notifications;

/// <summary>Turns the conditions of each check into notifications, each once: when a condition starts (a target only
/// after it has been down for <see cref="NotificationSettings.TargetDownAfter"/>), again only if it changes in kind
/// (another invalid manifest), and once when it ends, if its start was told. Conditions that come and go within the
/// grace period are never told. Used by one caller at a time.</summary>
public sealed class AlertTracker
{
    private readonly Dictionary<string, Tracked> _tracked = new(StringComparer.Ordinal);

    public IReadOnlyList<Notification> Update(IReadOnlyList<AlertCondition> current, NotificationSettings settings, DateTimeOffset now)
    {
        var notifications = new List<Notification>();
        foreach (var condition in current)
        {
            if (!_tracked.TryGetValue(condition.Key, out var tracked) || (tracked.Sent && tracked.Condition.Fingerprint != condition.Fingerprint))
            {
                tracked = new Tracked(condition, tracked?.Since ?? now, Sent: false);
            }
            tracked = tracked with { Condition = condition };
            var due = condition.Event != NotificationEvent.TargetDown || now - tracked.Since >= settings.TargetDownAfter;
            if (!tracked.Sent && due && settings.Sends(condition.Event))
            {
                notifications.Add(new Notification(condition.Event, null, condition.Kind, condition.Name, condition.Where, condition.Title,
                    condition.Message, tracked.Since, now));
                tracked = tracked with { Sent = true };
            }
            _tracked[condition.Key] = tracked;
        }
        var keys = current.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, over) in _tracked.Where(t => !keys.Contains(t.Key)).ToList())
        {
            _tracked.Remove(key);
            if (over.Sent && settings.Sends(NotificationEvent.Recovered))
            {
                var condition = over.Condition;
                notifications.Add(new Notification(NotificationEvent.Recovered, condition.Event, condition.Kind, condition.Name, condition.Where,
                    condition.RecoveredTitle, $"{Capitalized(condition.RecoveredTitle)} (the problem lasted {Lasted(now - over.Since)}).", over.Since, now));
            }
        }
        return notifications;
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Lasted(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min" : $"{(int)span.TotalSeconds} s";

    private sealed record Tracked(AlertCondition Condition, DateTimeOffset Since, bool Sent);
}
