using HomelabGate.Core.Planning;
using HomelabGate.Rendering;

namespace HomelabGate.Tests.Rendering;

public sealed class PaintTests
{
    [Theory]
    [InlineData(false, null, "xterm-256color", true)]
    [InlineData(false, "", "xterm", true)]
    [InlineData(true, null, "xterm", false)]
    [InlineData(false, "1", "xterm", false)]
    [InlineData(false, "0", "xterm", false)]
    [InlineData(false, null, "dumb", false)]
    [InlineData(false, null, null, true)]
    public void Colours_only_a_terminal_without_NO_COLOR_that_is_not_dumb(bool redirected, string? noColor, string? term, bool expected) =>
        Assert.Equal(expected, Paint.Decide(redirected, noColor, term));

    [Fact]
    public void Off_writes_the_text_unchanged_and_on_wraps_it_in_one_reset_sequence()
    {
        Assert.Equal("+", new Paint(false).Action(ChangeAction.Create, "+"));
        Assert.Equal("\u001b[32m+\u001b[0m", new Paint(true).Action(ChangeAction.Create, "+"));
        Assert.Equal("\u001b[31m-\u001b[0m", new Paint(true).Action(ChangeAction.Delete, "-"));
    }
}
