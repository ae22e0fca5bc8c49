using System.CommandLine;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert list [-o json]</c>: the certificates in the state directory's store, with expiry and when
/// each is due for renewal.</summary>
public sealed class CertListCommand(
    CommonOptions options, StateDirectoryLocator locator, CertificateCatalog catalog, CertificateTableRenderer table, CertificateJsonRenderer json)
{
    public Command Build()
    {
        var command = new Command("list", "List the certificates in the store") { options.File, options.StateDir, options.Output };
        command.SetAction((result, _) =>
        {
            var stateDirectory = locator.Locate(options.Paths(result));
            var entries = catalog.ReadAll(stateDirectory);
            if (result.GetValue(options.Output) == OutputFormat.Json)
            {
                json.Render(entries, result.InvocationConfiguration.Output);
            }
            else
            {
                table.Render(entries, stateDirectory, result.InvocationConfiguration.Output);
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
