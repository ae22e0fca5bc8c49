using HomelabGate.Core.Desired;

namespace HomelabGate.Core.Planning;

/// <summary>The plan is a value: an ordered list of changes, each with its reason, that apply carries out and renderers
/// print, plus notes that are not changes (a DNS conflict left alone, a provider that could not be read).</summary>
public sealed record Plan(ValueList<ResourceChange> Changes, ValueList<string> Notes)
{
    public static Plan Empty { get; } = new(ValueList<ResourceChange>.Empty, ValueList<string>.Empty);

    public bool HasChanges => Changes.Count > 0;

    public int ToAdd => Changes.Count(c => c.Action is ChangeAction.Create or ChangeAction.Replace);

    public int ToChange => Changes.Count(c => c.Action is ChangeAction.Update or ChangeAction.Renew);

    public int ToDestroy => Changes.Count(c => c.Action is ChangeAction.Delete or ChangeAction.Replace);

    public IEnumerable<ResourceChange> Of(ResourceKind kind) => Changes.Where(c => c.Id.Kind == kind);
}
