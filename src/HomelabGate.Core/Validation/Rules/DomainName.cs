namespace HomelabGate.Core.Validation.Rules;

/// <summary>RFC 1123 host-name checks shared by the rules.</summary>
public static class DomainName
{
    /// <returns>null when valid, else what is wrong in a few words.</returns>
    public static string? Problem(string name, bool allowWildcard)
    {
        var trimmed = name.EndsWith('.') ? name[..^1] : name;
        if (trimmed.Length is 0 or > 253)
        {
            return trimmed.Length == 0 ? "it is empty" : "it is longer than 253 characters";
        }
        var labels = trimmed.Split('.');
        for (var i = 0; i < labels.Length; i++)
        {
            var label = labels[i];
            if (label == "*")
            {
                if (!allowWildcard || i != 0 || labels.Length < 2)
                {
                    return "'*' may only be the first label of a name with at least two labels";
                }
                continue;
            }
            if (label.Length is 0 or > 63)
            {
                return label.Length == 0 ? "it has an empty label (two dots in a row?)" : $"label '{label}' is longer than 63 characters";
            }
            if (label[0] == '-' || label[^1] == '-')
            {
                return $"label '{label}' starts or ends with '-'";
            }
            if (label.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')))
            {
                return $"label '{label}' has a character other than letters, digits and '-'";
            }
        }
        return null;
    }
}
