using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using HomelabGate.Certificates.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace HomelabGate.Cli.Certificates;

/// <summary>The front half of every <c>gate ca</c> verb: open the state (a directory, or a cluster's etcd), read the
/// root, and on failure print one clear error line.</summary>
public sealed class CaRootResolver(StateReader states)
{
    public X509Certificate2? Resolve(ParseResult result, TextWriter error)
    {
        using var state = states.Open(result, error);
        if (state is null)
        {
            return null;
        }
        var lookup = CaRootLoader.Load(state.Provider.GetRequiredService<CaStore>());
        if (lookup.Root is null)
        {
            error.WriteLine($"error: {lookup.Problem}");
        }
        return lookup.Root;
    }
}
