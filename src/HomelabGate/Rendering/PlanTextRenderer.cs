using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>The plan as people know it from Terraform: one block per resource with its symbol and the reason it is there,
/// changed attributes with before → after, notes (conflicts left alone, a provider not read), and a closing count line.
/// Secrets come out as "(secret)" (see <see cref="ResourceAttributes"/>). With <c>color</c>, symbols are coloured
/// as Terraform colours them.</summary>
public sealed class PlanTextRenderer
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
        output.WriteLine("HomelabGate will perform the following actions:");
        output.WriteLine();
        foreach (var change in plan.Changes)
        {
            var resource = change.After ?? change.Before;
            var summary = resource?.Summary is { } s ? $" {s}" : "";
            output.WriteLine($"  {paint.Action(change.Action, $"{change.Action.Symbol(),3}")} {paint.Bold(change.Id.ToString())}{summary}");
            output.WriteLine(paint.Dim($"        # {change.Reason}"));
            foreach (var line in AttributeLines(change))
            {
                output.WriteLine($"        {line}");
            }
            output.WriteLine();
        }
        output.WriteLine($"Plan: {plan.ToAdd} to add, {plan.ToChange} to change, {plan.ToDestroy} to destroy.");
    }

    private static IEnumerable<string> AttributeLines(ResourceChange change)
    {
        var before = ResourceAttributes.Flatten(change.Before).ToDictionary(p => p.Key, p => p.Value);
        var after = ResourceAttributes.Flatten(change.After);
        switch (change.Action)
        {
            case ChangeAction.Create:
                return after.Select(a => $"{a.Key} = {a.Value}");
            case ChangeAction.Delete or ChangeAction.Renew:
                return [];
            case ChangeAction.Update or ChangeAction.Replace:
                var lines = new List<string>();
                foreach (var (key, value) in after)
                {
                    if (!before.Remove(key, out var old))
                    {
                        lines.Add($"+ {key} = {value}");
                    }
                    else if (old != value)
                    {
                        lines.Add($"~ {key}: {old} → {value}");
                    }
                }
                lines.AddRange(before.Select(b => $"- {b.Key} = {b.Value}"));
                return lines;
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Action, null);
        }
    }
}
