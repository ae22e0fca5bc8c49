using System.CommandLine;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert list [-o json]</c>: the certificates in the state directory's store, with expiry and when
/// each is due for renewal.</summary>
public sealed class CertListCommand(
    CommonOptions options, StateReader states, CertificateCatalog catalog, CertificateTableRenderer table, CertificateJsonRenderer json)
{
    public Command Build()
    {
        var command = new Command("list", "List the certificates in the store") { options.File, options.StateDir, options.Output };
        command.SetAction((result, _) =>
        {
            using var state = states.Open(result, result.InvocationConfiguration.Error);
            if (state is null)
            {
                return Task.FromResult(ExitCodes.Error);
            }
            var entries = catalog.ReadAll(state.Certificates);
            if (result.GetValue(options.Output) == OutputFormat.Json)
            {
                json.Render(entries, result.InvocationConfiguration.Output);
            }
            else
            {
                table.Render(entries, state.Certificates.Location, result.InvocationConfiguration.Output);
            }
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}
