namespace HomelabGate.Core.Planning;

/// <summary>What a plan does to one resource, with Terraform's symbols.</summary>
public enum ChangeAction
{
    Create,
    Update,
    Replace,
    Delete,
}

public static class ChangeActionSymbols
{
    public static string Symbol(this ChangeAction action) => action switch
    {
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Replace => "-/+",
        _ => "-",
    };
}
