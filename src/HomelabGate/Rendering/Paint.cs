using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>ANSI colours for terminal output, or plain text when off (a pipe, a file, NO_COLOR).</summary>
public readonly record struct Paint(bool On)
{
    /// <summary>Colour when writing to a terminal and NO_COLOR (https://no-color.org) is not set.</summary>
    public static bool ForConsole() => !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    public string Action(ChangeAction action, string text) => action switch
    {
        ChangeAction.Create => Wrap("32", text),
        ChangeAction.Update or ChangeAction.Renew => Wrap("33", text),
        ChangeAction.Replace => Wrap("35", text),
        ChangeAction.Delete => Wrap("31", text),
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public string Bold(string text) => Wrap("1", text);

    public string Dim(string text) => Wrap("2", text);

    public string Warn(string text) => Wrap("33", text);

    private string Wrap(string code, string text) => On ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
