namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>One-shot gate commands (plan, apply, validate) against a workspace's manifest and state directory.</summary>
public static class GateCommandLine
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static Task<ProcessResult> RunAsync(GateWorkspace workspace, string verb) =>
        RunAsync(verb, workspace.ManifestPath, workspace.StateDir, workspace.Root);

    public static Task<ProcessResult> RunAsync(string verb, string manifestPath, string stateDir, string workingDirectory) =>
        ProcessRunner.RunAsync(GateBinary.DotnetHost, GateBinary.Arguments([verb, "-f", manifestPath, "--state-dir", stateDir]), timeout: Timeout, workingDirectory: workingDirectory);
}
