namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>One-shot gate commands with extra environment variables (secrets the manifest references as
/// <c>${env:NAME}</c>), set through the real <c>env</c> binary so the test process's own environment stays untouched.</summary>
public static class GateCommandWithEnvironment
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(180);

    public static Task<ProcessResult> RunAsync(GateWorkspace workspace, string verb, IReadOnlyDictionary<string, string> environment) =>
        ProcessRunner.RunAsync(GateBinary.DotnetHost, GateBinary.Arguments([verb, "-f", workspace.ManifestPath, "--state-dir", workspace.StateDir]),
            environment: environment, timeout: Timeout, workingDirectory: workspace.Root);
}
