using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Planning;

/// <summary>Pure and deterministic: compares what is wanted with what is there (the last applied state, or what was
/// observed, which makes the same plan a drift report). Creates and updates run in kind order (DNS → certificates →
/// proxy); deletes run afterwards in reverse, so nothing is removed while something still uses it.</summary>
public static class Planner
{
    public static Plan Plan(DesiredState desired, DesiredState current)
    {
        var wanted = desired.Resources.ToDictionary(r => r.Id);
        var existing = current.Resources.ToDictionary(r => r.Id);
        var forward = new List<ResourceChange>();
        foreach (var (id, after) in wanted.OrderBy(p => p.Key))
        {
            if (!existing.TryGetValue(id, out var before))
            {
                forward.Add(new ResourceChange(id, ChangeAction.Create, null, after));
            }
            else if (!before.Equals(after))
            {
                var action = after.MustReplace(before) ? ChangeAction.Replace : ChangeAction.Update;
                forward.Add(new ResourceChange(id, action, before, after));
            }
        }
        var deletes = existing
            .Where(p => !wanted.ContainsKey(p.Key))
            .OrderByDescending(p => p.Key)
            .Select(p => new ResourceChange(p.Key, ChangeAction.Delete, p.Value, null));
        return new Plan(new ValueList<ResourceChange>(forward.Concat(deletes)));
    }
}
