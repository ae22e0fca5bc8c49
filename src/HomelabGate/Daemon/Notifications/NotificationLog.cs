using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.Notifications;

/// <summary>What happens to notifications, naming the webhook only by its host or its secret reference (a chat
/// webhook's path is its token).</summary>
internal static partial class NotificationLog
{
    [LoggerMessage(201, LogLevel.Information, "Notified {Webhook}: {Event}: {Title}")]
    public static partial void Sent(ILogger logger, string webhook, string @event, string title);

    [LoggerMessage(202, LogLevel.Warning, "The webhook {Webhook} did not take the notification '{Title}' ({Problem}); trying again in {Delay}")]
    public static partial void Retrying(ILogger logger, string webhook, string title, string problem, string delay);

    [LoggerMessage(203, LogLevel.Error, "The webhook {Webhook} did not take the notification '{Title}' after {Attempts} attempts ({Problem}); it is dropped, the next one is tried")]
    public static partial void GaveUp(ILogger logger, string webhook, string title, int attempts, string problem);

    [LoggerMessage(204, LogLevel.Error, "settings.notifications.webhook cannot be used ({Problem}); the notification '{Title}' is dropped")]
    public static partial void Unusable(ILogger logger, string problem, string title);

    [LoggerMessage(205, LogLevel.Warning, "More notifications waited than the queue holds; the oldest was dropped: '{Title}'")]
    public static partial void Dropped(ILogger logger, string title);

    [LoggerMessage(206, LogLevel.Error, "Checking for notifications failed: {Message}; the next check tries again")]
    public static partial void CheckFailed(ILogger logger, string message, Exception exception);
}
