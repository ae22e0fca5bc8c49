namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>A unique temp directory for one daemon: the manifest in <c>etc/</c> (the folder gate watches), the state
/// directory in <c>state/</c>, and the ports. Manifests are written as templates: <c>&lt;proxy&gt;</c> and <c>&lt;admin&gt;</c>
/// become this workspace's listen addresses (<c>&lt;admin-port&gt;</c> the admin port alone), so ports can be reassigned and the manifest rewritten.</summary>
public sealed class GateWorkspace : IDisposable
{
    public const string ProxyPlaceholder = "<proxy>";
    public const string AdminPlaceholder = "<admin>";
    public const string AdminPortPlaceholder = "<admin-port>";

    private string? _template;

    private GateWorkspace(string root, string stateDir)
    {
        Root = root;
        StateDir = stateDir;
        Directory.CreateDirectory(Path.GetDirectoryName(ManifestPath)!);
    }

    public string Root { get; }

    public string ManifestPath => Path.Combine(Root, "etc", "homelab.yaml");

    public string StateDir { get; }

    public GatePorts Ports { get; private set; } = GatePorts.Free();

    /// <param name="stateDir">Another workspace's state directory, to share it; by default a fresh one in this workspace.</param>
    public static GateWorkspace Create(string? stateDir = null)
    {
        var root = Path.Combine(Path.GetTempPath(), "hg-e2e", Guid.NewGuid().ToString("N")[..12]);
        return new GateWorkspace(root, stateDir ?? Path.Combine(root, "state"));
    }

    /// <returns>The text written (placeholders replaced), for computing expected line:column positions.</returns>
    public string WriteManifest(string template, ManifestWrite how = ManifestWrite.AtomicRename)
    {
        _template = template;
        var text = Render(template);
        if (how == ManifestWrite.InPlace)
        {
            File.WriteAllText(ManifestPath, text);
        }
        else
        {
            var temp = Path.Combine(Path.GetDirectoryName(ManifestPath)!, $".homelab.yaml.{Guid.NewGuid():N}.swp");
            File.WriteAllText(temp, text);
            File.Move(temp, ManifestPath, overwrite: true);
        }
        return text;
    }

    public string Render(string template) =>
        template.Replace(ProxyPlaceholder, Ports.ProxyAddress, StringComparison.Ordinal)
            .Replace(AdminPlaceholder, Ports.AdminAddress, StringComparison.Ordinal)
            .Replace(AdminPortPlaceholder, Ports.Admin.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>After a port collision: new ports, and the last manifest written again with them.</summary>
    public void ReassignPorts()
    {
        Ports = GatePorts.Free();
        if (_template is not null)
        {
            WriteManifest(_template);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
    }
}
