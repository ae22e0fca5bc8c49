using HomelabGate.Core.Desired;
using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Planning;
using HomelabGate.Rendering;

namespace HomelabGate.Tests.Validation;

/// <summary>settings.notifications: what validates, what is refused and how, and what a plan shows of it.</summary>
public sealed class NotificationRuleTests
{
    private static string Manifest(string webhook, string extra = "") => $$"""
        version: 1
        settings:
          notifications:
            webhook:
        {{webhook}}
        {{extra}}
        """;

    [Fact]
    public void A_webhook_with_a_referenced_url_and_header_events_and_a_grace_period_validates_and_builds()
    {
        var result = ManifestFixture.Load(Manifest("""
                  url: "${env:DISCORD_WEBHOOK}"
                  headers: { Authorization: "${file:/run/secrets/token}", X-Title: homelab }
            """, "    events: [target-down, recovered]\n    targetDownAfter: 2m"));

        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        var settings = new DesiredStateBuilder().Build(result.Manifest!.Spec).Settings.Notifications!;
        Assert.Equal([NotificationEvent.TargetDown, NotificationEvent.Recovered], settings.Events);
        Assert.Equal(TimeSpan.FromMinutes(2), settings.TargetDownAfter);
    }

    [Fact]
    public void Without_events_every_event_is_sent_after_five_minutes_down()
    {
        var result = ManifestFixture.Load(Manifest("          url: https://ntfy.example.com/homelab"));

        var settings = new DesiredStateBuilder().Build(result.Manifest!.Spec).Settings.Notifications!;
        Assert.Equal(Enum.GetValues<NotificationEvent>(), settings.Events);
        Assert.Equal(TimeSpan.FromMinutes(5), settings.TargetDownAfter);
    }

    [Fact]
    public void A_url_that_is_neither_http_nor_a_reference_is_an_error_at_its_position()
    {
        var result = ManifestFixture.Load(Manifest("          url: ntfy.example.com/homelab"));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal((DiagnosticCodes.InvalidUrl, 5), (diagnostic.Code, diagnostic.Location!.Line));
    }

    [Fact]
    public void A_credential_header_written_inline_is_refused_without_quoting_it()
    {
        var result = ManifestFixture.Load(Manifest("""
                  url: https://gotify.home.test/message
                  headers: { X-Gotify-Key: AbCdEf123456, X-Title: homelab }
            """));

        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InlineSecret, diagnostic.Code);
        Assert.True(diagnostic.QuotesSecret);
        Assert.DoesNotContain("AbCdEf123456", diagnostic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_event_is_a_schema_error()
    {
        var result = ManifestFixture.Load(Manifest("          url: https://ntfy.example.com/homelab", "    events: [target-dwn]"));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.ValueNotAllowed);
    }

    [Fact]
    public void A_plan_shows_the_url_and_headers_as_secret_and_names_what_changed()
    {
        var before = new GatewaySettings { Notifications = new NotificationSettings { Url = "https://discord.com/api/webhooks/1/token-one", Events = new([NotificationEvent.TargetDown]) } };
        var after = before with { Notifications = before.Notifications! with { Url = "https://discord.com/api/webhooks/1/token-two" } };

        var text = new StringWriter();
        new PlanTextRenderer(new PlanLayout(new AttributeDefaults())).Render(Planner.Diff(Core.Desired.DesiredState.Of([after]), Core.Desired.DesiredState.Of([before])), text);

        Assert.Contains("# changed: notifications.webhook.url", text.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("token-", text.ToString(), StringComparison.Ordinal);
    }
}
