using System.Text.RegularExpressions;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Manifest templates for <see cref="GateWorkspace.WriteManifest"/>.</summary>
public static partial class Manifests
{
    /// <summary>Version and listeners; hosts and upstreams follow.</summary>
    public const string Header = """
        version: 1
        settings:
          listen:
            http: "<proxy>"
          admin: "<admin>"

        """;

    /// <summary>Like <see cref="Header"/>, but <c>settings.admin</c> names another port: served to a running daemon, whose
    /// admin listener stays where it started until a restart, validation compares targets with that other address.</summary>
    public static string HeaderWithAdminMoved() => Header.Replace("admin: \"<admin>\"", $"admin: \"127.0.0.1:{FreePorts.Next()}\"", StringComparison.Ordinal);

    public const string DefaultSiteBody = "<h1>Unknown host</h1><p>This name is not in homelab.yaml.</p>";

    /// <summary>The repository's homelab.yaml with only its listen addresses replaced by the workspace's.</summary>
    public static string Shipped()
    {
        var original = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "shipped", "homelab.yaml"));
        var template = HttpListen().Replace(original, $"${{prefix}}\"{GateWorkspace.ProxyPlaceholder}\"", 1);
        template = AdminListen().Replace(template, $"${{prefix}}\"{GateWorkspace.AdminPlaceholder}\"", 1);
        Assert.True(template.Contains(GateWorkspace.ProxyPlaceholder) && template.Contains(GateWorkspace.AdminPlaceholder),
            $"the shipped homelab.yaml no longer has settings.listen.http and settings.admin where the test expects them:\n{original}");
        return template;
    }

    [GeneratedRegex("""(?<prefix>\n {4}http:[ ]*)"[^"\n]*"(?=\n)""")]
    private static partial Regex HttpListen();

    [GeneratedRegex("""(?<prefix>\n {2}admin:[ ]*)"[^"\n]*"(?=\n)""")]
    private static partial Regex AdminListen();
}
