namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Assertions on what a process printed that show all of it on failure (xunit shortens long strings).</summary>
public static class OutputAssert
{
    public static void Contains(string expected, string actual, string what)
    {
        Assert.True(actual.Contains(expected, StringComparison.Ordinal), $"expected {what} to contain:\n  {expected}\nbut it was:\n{actual}");
    }
}
