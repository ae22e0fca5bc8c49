using HomelabGate.Core.Planning;

namespace HomelabGate.Rendering;

/// <summary>ANSI colours for terminal output, or plain text when off (a pipe, a file, NO_COLOR).</summary>
public readonly record struct Paint(bool On)
{
    /// <summary>Colour when standard output is a terminal, NO_COLOR (https://no-color.org) is unset or empty, and the
    /// terminal is not TERM=dumb (which cannot show escape sequences).</summary>
    public static bool ForConsole() =>
        Decide(Console.IsOutputRedirected, Environment.GetEnvironmentVariable("NO_COLOR"), Environment.GetEnvironmentVariable("TERM"));

    public static bool Decide(bool outputRedirected, string? noColor, string? term) =>
        !outputRedirected && string.IsNullOrEmpty(noColor) && term != "dumb";

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
