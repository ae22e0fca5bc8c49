namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Assertions on what a process printed that show all of it on failure (xunit shortens long strings).</summary>
public static class OutputAssert
{
    public static void Contains(string expected, string actual, string what)
    {
        Assert.True(actual.Contains(expected, StringComparison.Ordinal), $"expected {what} to contain:\n  {expected}\nbut it was:\n{actual}");
    }

    public static void DoesNotContain(string unexpected, string actual, string what)
    {
        Assert.False(actual.Contains(unexpected, StringComparison.Ordinal), $"expected {what} not to contain:\n  {unexpected}\nbut it was:\n{actual}");
    }
}
