using System.Text.Json;
using System.Text.Json.Nodes;
using HomelabGate.Core.Desired;

namespace HomelabGate.Daemon.Notifications;

/// <summary>The JSON every notification is sent as (version 1: fields are only ever added). It carries the same words
/// under the names the common receivers read, so one payload works for all of them: <c>title</c> and <c>message</c>
/// (Gotify; ntfy with its templates; Home Assistant's trigger.json), <c>text</c> (Slack), <c>content</c> (Discord, at
/// most 2000 characters). It never holds a secret: names, target URLs without passwords, and messages.</summary>
public static class WebhookPayload
{
    private const int DiscordLimit = 2000;

    public static string Json(Notification notification, string manifest)
    {
        var title = $"HomelabGate: {notification.Title}";
        var payload = new JsonObject
        {
            ["source"] = "homelabgate",
            ["version"] = 1,
            ["event"] = Spelled(notification.Event),
            ["status"] = notification.Resolves is null ? "firing" : "resolved",
            ["resolves"] = notification.Resolves is { } resolves ? Spelled(resolves) : null,
            ["title"] = title,
            ["message"] = notification.Message,
            ["text"] = $"{title}\n{notification.Message}",
            ["content"] = Limit($"**{title}**\n{notification.Message}", DiscordLimit),
            ["subject"] = new JsonObject { ["kind"] = notification.Kind, ["name"] = notification.Name, ["where"] = notification.Where },
            ["since"] = notification.Since.ToUniversalTime().ToString("O"),
            ["at"] = notification.At.ToUniversalTime().ToString("O"),
            ["manifest"] = manifest,
        };
        return payload.ToJsonString();
    }

    /// <summary>"target-down", as the manifest's <c>events</c> spells it.</summary>
    public static string Spelled(NotificationEvent kind) => JsonNamingPolicy.KebabCaseLower.ConvertName(kind.ToString());

    private static string Limit(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}
