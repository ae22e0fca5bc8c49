namespace HomelabGate.Certificates.Tests.Support;

/// <summary>Runs a real command-line tool (openssl, certutil) through the shared kit and keeps what it said, stdout and
/// stderr together, as these tests read it.</summary>
public static class Tool
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}: {Output}";
    }

    public static Result Run(string fileName, params string[] arguments)
    {
        var result = ProcessRunner.RunAsync(fileName, arguments).GetAwaiter().GetResult();
        return new Result(result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
