using System.Text;
using HomelabGate.Core.Planning;
using HomelabGate.Rendering;
using HomelabGate.Status;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Status;

/// <summary>The last reconcile that changed something: when, why, how it went, the entries of its plan (as
/// <c>gate plan</c> shows them), and since when the served configuration has been served.</summary>
public static class LastApplySection
{
    public static void Render(StringBuilder html, StatusSnapshot snapshot, PlanLayout layout)
    {
        html.Append("<section id=\"last-apply\">\n<h2>Last apply</h2>\n");
        if (snapshot.LastChange is not { } change)
        {
            html.Append("<p class=\"muted\">Nothing applied since start.</p>\n</section>\n");
            return;
        }
        var css = change.Result == ReconcileResult.Applied ? "ok" : "bad";
        html.Append("<dl>\n<dt>When</dt><dd>").Append(Encode(Time(change.At))).Append(" (").Append(Encode(Ago(change.At, snapshot.GeneratedAt))).Append(")</dd>\n")
            .Append("<dt>Trigger</dt><dd>").Append(Encode(change.Trigger)).Append("</dd>\n")
            .Append("<dt>Result</dt><dd class=\"").Append(css).Append("\">").Append(Encode(change.Result.ToString().ToLowerInvariant())).Append("</dd>\n");
        if (change.Message is { } message)
        {
            html.Append("<dt>Message</dt><dd>").Append(Encode(message)).Append("</dd>\n");
        }
        if (change.Plan is { } plan)
        {
            var items = layout.Items(plan);
            html.Append("<dt>Plan</dt><dd>").Append(Encode(Summary(items)));
            html.Append(items.Count > 0 ? "<ul>" + string.Concat(items.Select(c => $"<li><code>{Encode(c.Action.Symbol())} {Encode(c.Id.ToString())}</code></li>")) + "</ul>" : "");
            html.Append("</dd>\n");
        }
        if (change.Result != ReconcileResult.Applied && snapshot.LastApplied is { } applied)
        {
            html.Append("<dt>Serving since</dt><dd>").Append(Encode(Time(applied.At))).Append(" (").Append(Encode(Ago(applied.At, snapshot.GeneratedAt)))
                .Append(", ").Append(Encode(applied.Trigger)).Append(")</dd>\n");
        }
        if (snapshot.Last is { } last && !ReferenceEquals(last, change))
        {
            html.Append("<dt>Last check</dt><dd>").Append(Encode(Ago(last.At, snapshot.GeneratedAt))).Append(" (").Append(Encode(last.Trigger))
                .Append(", ").Append(Encode(last.Result.ToString().ToLowerInvariant())).Append(")</dd>\n");
        }
        html.Append("</dl>\n</section>\n");
    }

    private static string Summary(IReadOnlyList<PlanItem> items)
    {
        if (items.Count == 0)
        {
            return "no changes";
        }
        var (add, change, destroy) = PlanTextRenderer.Count(items);
        return $"{add} to add, {change} to change, {destroy} to destroy";
    }
}
