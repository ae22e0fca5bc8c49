using System.CommandLine;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert show NAME</c>: one certificate in detail. An unknown name is an error with a "did you mean".</summary>
public sealed class CertShowCommand(CommonOptions options, StateReader states, CertificateCatalog catalog, CertificateDetailRenderer detail)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The certificate's name (as in the manifest's certificates section)" };

    public Command Build()
    {
        var command = new Command("show", "Show one certificate in detail") { _name, options.File, options.StateDir };
        command.SetAction((result, _) =>
        {
            using var state = states.Open(result, result.InvocationConfiguration.Error);
            return Task.FromResult(state is null ? ExitCodes.Error
                : Execute(state.Certificates, result.GetValue(_name)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
        });
        return command;
    }

    private int Execute(CertificateStore store, string name, TextWriter output, TextWriter error)
    {
        var names = CertificateCatalog.Names(store);
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            error.WriteLine($"error: there is no certificate named '{name}' in '{store.Location}'");
            var hint = names.Count == 0
                ? "the store is empty: gate apply or gate run issues the manifest's certificates"
                : Suggestions.DidYouMean(name, names) ?? $"gate cert list shows them all ({string.Join(", ", names)})";
            error.WriteLine($"  = hint: {hint}");
            return ExitCodes.Error;
        }
        var entry = catalog.Read(store, name);
        if (entry.Summary is not { } summary)
        {
            error.WriteLine($"error: certificate '{name}' cannot be read: {entry.Problem}");
            return ExitCodes.Error;
        }
        detail.Render(summary, output);
        return ExitCodes.Success;
    }
}
