using System.CommandLine;
using System.Security.Cryptography.X509Certificates;

namespace HomelabGate.Cli.Certificates;

/// <summary>The front half of every <c>gate ca</c> verb: find the state directory from the parsed options, read the
/// root, and on failure print one clear error line.</summary>
public sealed class CaRootResolver(CommonOptions options, StateDirectoryLocator locator, CaRootLoader loader)
{
    public X509Certificate2? Resolve(ParseResult result, TextWriter error)
    {
        var lookup = loader.Load(locator.Locate(options.Paths(result)));
        if (lookup.Root is null)
        {
            error.WriteLine($"error: {lookup.Problem}");
        }
        return lookup.Root;
    }
}
