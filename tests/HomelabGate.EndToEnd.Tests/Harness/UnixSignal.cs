namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Sends a signal the way an operator or a container runtime does: with the real <c>kill</c> binary.</summary>
public static class UnixSignal
{
    public static async Task SendAsync(int pid, string signal)
    {
        var result = await ProcessRunner.RunAsync("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout: TimeSpan.FromSeconds(5));
        Assert.True(result.ExitCode == 0, $"kill -{signal} {pid} failed: {result}");
    }
}
