using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Planning;

/// <summary>The plan is a value: an ordered list of changes that the applier carries out and renderers print.</summary>
public sealed record Plan(ValueList<ResourceChange> Changes)
{
    public bool HasChanges => Changes.Count > 0;

    public int ToAdd => Changes.Count(c => c.Action is ChangeAction.Create or ChangeAction.Replace);

    public int ToChange => Changes.Count(c => c.Action == ChangeAction.Update);

    public int ToDestroy => Changes.Count(c => c.Action is ChangeAction.Delete or ChangeAction.Replace);
}
