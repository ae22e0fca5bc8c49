using HomelabGate.Core.Diagnostics;
using HomelabGate.Core.Manifest;
using HomelabGate.Rendering;

namespace HomelabGate.Tests.Rendering;

public sealed class DiagnosticRendererTests
{
    [Fact]
    public void Shows_a_tab_as_one_space_so_the_caret_stays_under_its_column()
    {
        var output = new StringWriter();

        new DiagnosticRenderer().Render([Diagnostic.Error("HG1005", "x", new SourceLocation("homelab.yaml", 1, 4))], new SourceText("homelab.yaml", "a:\tb\n"), output);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("  1 | a: b", lines[1]);
        Assert.Equal("    |    ^", lines[2]);
    }
}
