using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>A real propagation check for tests: asks the authoritative BIND with dig until the value is served.</summary>
public sealed class DigPropagationCheck(int port) : IDnsPropagationCheck
{
    public async Task<bool> WaitUntilVisibleAsync(Dns01Challenge challenge, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var result = await ProcessRunner.RunAsync("dig",
                ["+short", "+time=1", "+tries=1", "@127.0.0.1", "-p", port.ToString(), challenge.RecordName, "TXT"],
                cancellationToken: cancellationToken);
            if (result.StandardOutput.Contains($"\"{challenge.Value}\"", StringComparison.Ordinal))
            {
                return true;
            }
            if (DateTime.UtcNow >= deadline)
            {
                return false;
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
