using System.CommandLine;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert</c>: inspect the certificates HomelabGate issued or imported.</summary>
public sealed class CertCommand(CertListCommand list, CertShowCommand show)
{
    public Command Build() => new("cert", "Inspect the certificates in the state directory: list, show")
    {
        list.Build(),
        show.Build(),
    };
}
