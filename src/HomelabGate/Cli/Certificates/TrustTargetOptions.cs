using System.CommandLine;

namespace HomelabGate.Cli.Certificates;

/// <summary>The options <c>gate ca trust</c> and <c>gate ca untrust</c> share: which stores to act on.</summary>
public sealed class TrustTargetOptions(TrustStoreSelector selector)
{
    public Option<string?> NssDatabase { get; } = new("--nss-db")
    {
        Description = "NSS database directory (default ~/.pki/nssdb when it exists; Firefox profiles have their own)",
    };

    public Option<bool> NoSystem { get; } = new("--no-system") { Description = "Leave the system store (/usr/local/share/ca-certificates) alone" };

    public TrustStoreSelection Select(ParseResult result) => selector.Select(result.GetValue(NssDatabase), !result.GetValue(NoSystem));
}
