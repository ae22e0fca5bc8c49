namespace HomelabGate.Core.Planning;

/// <summary>What a plan does to one resource, with Terraform's symbols; <see cref="Renew"/> issues a certificate again
/// without changing what the manifest says about it.</summary>
public enum ChangeAction
{
    Create,
    Update,
    Replace,
    Renew,
    Delete,
}

public static class ChangeActionSymbols
{
    public static string Symbol(this ChangeAction action) => action switch
    {
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Replace => "-/+",
        ChangeAction.Renew => "↻",
        ChangeAction.Delete => "-",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    /// <summary>"create", "update", "replace", "renew", "delete": the JSON plan's spelling.</summary>
    public static string Word(this ChangeAction action) => action.ToString().ToLowerInvariant();
}
