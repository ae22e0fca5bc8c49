using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>The plan as people know it from Terraform, arranged by <see cref="PlanLayout"/>: one entry per host (with its
/// own upstream and DNS records) or other resource, its symbol and the reason it is there, the attributes that matter in
/// the manifest's words, notes (conflicts left alone, a provider not read), and a closing count of the entries shown.
/// Secrets come out as "(secret)" (see <see cref="ResourceAttributes"/>). With <c>color</c>, symbols are coloured as
/// Terraform colours them.</summary>
public sealed class PlanTextRenderer(PlanLayout layout)
{
    public void Render(Plan plan, TextWriter output, bool color = false)
    {
        var paint = new Paint(color);
        foreach (var note in plan.Notes)
        {
            output.WriteLine(paint.Warn($"Note: {note}"));
        }
        if (!plan.HasChanges)
        {
            output.WriteLine("No changes. Your homelab matches the manifest.");
            return;
        }
        var items = layout.Items(plan);
        output.WriteLine("HomelabGate will perform the following actions:");
        if (items.Any(i => i.Action == ChangeAction.Create))
        {
            output.WriteLine(paint.Dim("(new resources show what differs from the defaults; -o json lists every attribute)"));
        }
        output.WriteLine();
        foreach (var item in items)
        {
            var summary = item.Summary is { } s ? $" {s}" : "";
            output.WriteLine($"  {paint.Action(item.Action, $"{item.Action.Symbol(),3}")} {paint.Bold(item.Id.ToString())}{summary}");
            output.WriteLine(paint.Dim($"        # {item.Reason}"));
            foreach (var line in item.Lines)
            {
                output.WriteLine($"        {Attribute(line, paint)}");
            }
            foreach (var record in item.Records)
            {
                var reason = record.Reason == item.Reason ? "" : paint.Dim($"  # {record.Reason}");
                output.WriteLine($"      {paint.Action(record.Action, record.Action.Symbol())} {record.Id} {Values(record)}{reason}");
            }
            output.WriteLine();
        }
        var (add, change, destroy) = Count(items);
        output.WriteLine($"Plan: {add} to add, {change} to change, {destroy} to destroy.");
    }

    /// <summary>The closing line's counts for <paramref name="plan"/>, for a log line that must agree with the plan text.</summary>
    public static (int Add, int Change, int Destroy) Count(Plan plan) => Count(new PlanLayout(new AttributeDefaults()).Items(plan));

    /// <summary>What the entries shown add, change and destroy: a host with its own pool is one; its records count
    /// each, as the DNS provider holds each.</summary>
    public static (int Add, int Change, int Destroy) Count(IReadOnlyList<PlanItem> items)
    {
        var actions = items.Select(i => i.Action).Concat(items.SelectMany(i => i.Records.Select(r => r.Action))).ToList();
        return (actions.Count(a => a is ChangeAction.Create or ChangeAction.Replace),
            actions.Count(a => a is ChangeAction.Update or ChangeAction.Renew),
            actions.Count(a => a is ChangeAction.Delete or ChangeAction.Replace));
    }

    private static string Values(ResourceChange record) =>
        record is { Action: ChangeAction.Update or ChangeAction.Replace, Before: { } before, After: { } after }
            ? $"{before.Summary} → {after.Summary}"
            : (record.After ?? record.Before)?.Summary ?? "";

    /// <summary>"+ key = value", "~ key: a → b", "- key = value" get their symbol coloured.</summary>
    private static string Attribute(string line, Paint paint) => line switch
    {
        ['+', ' ', ..] => paint.Action(ChangeAction.Create, "+") + line[1..],
        ['~', ' ', ..] => paint.Action(ChangeAction.Update, "~") + line[1..],
        ['-', ' ', ..] => paint.Action(ChangeAction.Delete, "-") + line[1..],
        _ => line,
    };
}
