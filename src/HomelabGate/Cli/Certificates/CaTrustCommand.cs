using System.CommandLine;
using HomelabGate.Certificates.Trust;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate ca trust</c> and <c>gate ca untrust</c>: add the local CA's root to this machine's trust stores, or
/// remove it. The two verbs differ only in direction, so one class builds both.</summary>
public sealed class CaTrustCommand(CommonOptions options, CaRootResolver roots, TrustTargetOptions targets, TrustStoreChanger changer)
{
    public Command BuildTrust() => Build("trust", "Trust the local CA's root in the system store and an NSS database (needs root for the system store)", trust: true);

    public Command BuildUntrust() => Build("untrust", "Remove the local CA's root from the system store and an NSS database", trust: false);

    private Command Build(string name, string description, bool trust)
    {
        var command = new Command(name, description) { options.File, options.StateDir, targets.NssDatabase, targets.NoSystem };
        command.SetAction(async (result, cancellationToken) =>
        {
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            if (roots.Resolve(result, error) is not { } root)
            {
                return ExitCodes.Error;
            }
            TrustStoreSelection selection;
            try
            {
                selection = targets.Select(result);
            }
            catch (TrustStoreException e)
            {
                error.WriteLine($"error: {e.Message}");
                return ExitCodes.Error;
            }
            return await changer.ChangeAsync(root, selection, trust, output, cancellationToken);
        });
        return command;
    }
}
