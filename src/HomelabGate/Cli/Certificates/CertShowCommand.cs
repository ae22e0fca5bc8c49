using System.CommandLine;
using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert show NAME</c>: one certificate in detail. An unknown name is an error with a "did you mean".</summary>
public sealed class CertShowCommand(CommonOptions options, StateDirectoryLocator locator, CertificateCatalog catalog, CertificateDetailRenderer detail)
{
    private readonly Argument<string> _name = new("NAME") { Description = "The certificate's name (as in the manifest's certificates section)" };

    public Command Build()
    {
        var command = new Command("show", "Show one certificate in detail") { _name, options.File, options.StateDir };
        command.SetAction((result, _) => Task.FromResult(Execute(
            locator.Locate(options.Paths(result)), result.GetValue(_name)!, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return command;
    }

    private int Execute(string stateDirectory, string name, TextWriter output, TextWriter error)
    {
        var names = catalog.Names(stateDirectory);
        if (!names.Contains(name, StringComparer.Ordinal))
        {
            error.WriteLine($"error: there is no certificate named '{name}' in '{Path.Combine(stateDirectory, "certificates")}'");
            var hint = names.Count == 0
                ? "the store is empty: gate apply or gate run issues the manifest's certificates"
                : Suggestions.DidYouMean(name, names) ?? $"gate cert list shows them all ({string.Join(", ", names)})";
            error.WriteLine($"  = hint: {hint}");
            return ExitCodes.Error;
        }
        var entry = catalog.Read(stateDirectory, name);
        if (entry.Summary is not { } summary)
        {
            error.WriteLine($"error: certificate '{name}' cannot be read: {entry.Problem}");
            return ExitCodes.Error;
        }
        detail.Render(summary, output);
        return ExitCodes.Success;
    }
}
