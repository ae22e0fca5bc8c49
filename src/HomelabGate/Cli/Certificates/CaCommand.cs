using System.CommandLine;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate ca</c>: the local CA's root — export it for devices, trust or untrust it on this machine.</summary>
public sealed class CaCommand(CaExportCommand export, CaTrustCommand trust)
{
    public Command Build() => new("ca", "The local certificate authority's root: export, trust, untrust")
    {
        export.Build(),
        trust.BuildTrust(),
        trust.BuildUntrust(),
    };
}
