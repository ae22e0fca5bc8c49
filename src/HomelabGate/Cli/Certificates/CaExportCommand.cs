using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Export;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate ca export</c>: the local CA's root certificate, for devices to import. PEM may go to standard
/// output; DER and PKCS#12 are binary and go to a file. The PKCS#12 password is read from standard input so it never
/// appears in shell history or the process list.</summary>
public sealed class CaExportCommand(CommonOptions options, CaRootResolver roots, RootExporter exporter, TextReader input)
{
    private readonly Option<ExportFormat> _format = new("--format")
    {
        Description = "pem, der (Android, Windows) or p12 (PKCS#12, needs --password-stdin)",
        DefaultValueFactory = _ => ExportFormat.Pem,
    };

    private readonly Option<string?> _file = new("--output", "-o") { Description = "Write to this file (required for der and p12)" };

    private readonly Option<bool> _passwordStdin = new("--password-stdin") { Description = "Read the PKCS#12 password from standard input" };

    public Command Build()
    {
        var command = new Command("export", "Export the local CA's root certificate") { options.File, options.StateDir, _format, _file, _passwordStdin };
        command.SetAction((result, _) => Task.FromResult(Execute(result, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error)));
        return command;
    }

    private int Execute(ParseResult result, TextWriter output, TextWriter error)
    {
        var (format, file, passwordStdin) = (result.GetValue(_format), result.GetValue(_file), result.GetValue(_passwordStdin));
        if (Refusal(format, file, passwordStdin) is { } refusal)
        {
            error.WriteLine($"error: {refusal}");
            return ExitCodes.Error;
        }
        if (roots.Resolve(result, error) is not { } root)
        {
            return ExitCodes.Error;
        }
        if (file is null)
        {
            output.Write(exporter.ToPem(root));
            return ExitCodes.Success;
        }
        byte[] content;
        if (format == ExportFormat.P12)
        {
            var password = input.ReadLine();
            if (string.IsNullOrEmpty(password))
            {
                error.WriteLine("error: the password read from standard input is empty; PKCS#12 needs a non-empty password");
                return ExitCodes.Error;
            }
            content = exporter.ToPkcs12(root, password);
        }
        else
        {
            content = format == ExportFormat.Der ? exporter.ToDer(root) : System.Text.Encoding.ASCII.GetBytes(exporter.ToPem(root));
        }
        return Write(root, format, file, content, output, error);
    }

    private static string? Refusal(ExportFormat format, string? file, bool passwordStdin) => (format, file, passwordStdin) switch
    {
        (not ExportFormat.P12, _, true) => "--password-stdin only applies to --format p12",
        (not ExportFormat.Pem, null, _) =>
            $"{Name(format)} is binary and is only written to a file; name one: gate ca export --format {format.ToString().ToLowerInvariant()} -o homelabgate-root.{Extension(format)}",
        (ExportFormat.P12, _, false) =>
            "PKCS#12 needs a password: pipe it in with --password-stdin, e.g. printf '%s' \"$PASS\" | gate ca export --format p12 -o homelabgate-root.p12 --password-stdin",
        _ => null,
    };

    private static int Write(X509Certificate2 root, ExportFormat format, string file, byte[] content, TextWriter output, TextWriter error)
    {
        try
        {
            File.WriteAllBytes(file, content);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"error: cannot write '{file}': {e.Message}");
            return ExitCodes.Error;
        }
        output.WriteLine($"Wrote {root.GetNameInfo(X509NameType.SimpleName, forIssuer: false)} ({Name(format)}) to {file}");
        return ExitCodes.Success;
    }

    private static string Name(ExportFormat format) => format switch
    {
        ExportFormat.Der => "DER",
        ExportFormat.P12 => "PKCS#12",
        _ => "PEM",
    };

    private static string Extension(ExportFormat format) => format == ExportFormat.Der ? "der" : "p12";
}
