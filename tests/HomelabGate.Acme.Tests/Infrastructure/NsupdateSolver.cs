using System.Globalization;
using HomelabGate.Core.Challenges;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>A real RFC 2136 solver for tests: the nsupdate tool, TSIG-signed, adding and deleting single TXT values
/// (never the whole RRset, so apex and wildcard values coexist).</summary>
public sealed class NsupdateSolver(int port, string zone, string keyName, string secret) : IDns01Solver
{
    public Task PresentAsync(Dns01Challenge challenge, CancellationToken cancellationToken) =>
        UpdateAsync($"update add {challenge.RecordName} 60 IN TXT \"{challenge.Value}\"", cancellationToken);

    public Task CleanUpAsync(Dns01Challenge challenge, CancellationToken cancellationToken) =>
        UpdateAsync($"update delete {challenge.RecordName} TXT \"{challenge.Value}\"", cancellationToken);

    private async Task UpdateAsync(string update, CancellationToken cancellationToken)
    {
        var script = string.Create(CultureInfo.InvariantCulture, $"server 127.0.0.1 {port}\nzone {zone}\n{update}\nsend\n");
        var result = await ProcessRunner.RunAsync("nsupdate", ["-t", "5", "-u", "1", "-y", $"hmac-sha256:{keyName}:{secret}"],
            script, timeout: TimeSpan.FromSeconds(15), cancellationToken: cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"nsupdate failed (exit {result.ExitCode}): {result.Combined}");
        }
    }
}
