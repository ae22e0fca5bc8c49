using HomelabGate.Testing.Npm;
using HomelabGate.EndToEnd.Tests.Harness;

namespace HomelabGate.EndToEnd.Tests.Import;

/// <summary>The NPM fixture imported by the real <c>gate import npm</c> and served by a real <c>gate run</c>. The copy's
/// upstream addresses and stream ports are first pointed at loopback servers (the fixture's 10.20.0.x addresses are
/// never contacted), and a second access list with "satisfy all" and pass_auth on is added beside the fixture's
/// "satisfy any" one, the way NPM's UI would store it. The ACME directory points at a closed loopback port.</summary>
public sealed class ImportedNpmDaemon : IAsyncLifetime
{
    public GateWorkspace Workspace { get; } = GateWorkspace.Create();

    public Upstreams Upstreams { get; private set; } = null!;

    public AuthorizationEchoUpstream Household { get; private set; } = null!;

    public AuthorizationEchoUpstream Proxmox { get; private set; } = null!;

    public NpmFixtureCopy Npm { get; private set; } = null!;

    public int HttpsPort { get; } = FreePorts.Next();

    public int[] StreamPorts { get; } = [FreePorts.Next(), FreePorts.Next()];

    public ProcessResult Import { get; private set; } = null!;

    public ProcessResult Validate { get; private set; } = null!;

    public ProcessResult Plan { get; private set; } = null!;

    public GateProcess Gate { get; private set; } = null!;

    public string SecretsDirectory => Path.Combine(Workspace.Root, "etc", "secrets");

    public async Task InitializeAsync()
    {
        try
        {
            Upstreams = await Upstreams.StartAsync("media", "files", "tools", "metrics", "docs", "ssh", "dns");
            Household = await AuthorizationEchoUpstream.StartAsync("household", https: false);
            Proxmox = await AuthorizationEchoUpstream.StartAsync("proxmox", https: true);
            Npm = NpmFixtureCopy.Create(Path.Combine(Workspace.Root, "npm"));
            PointAtLoopback();
            Import = await RunGateAsync("import", "npm", "--data", Npm.DataDirectory, "-o", Workspace.ManifestPath, "--state-dir", Workspace.StateDir,
                "--http", Workspace.Ports.ProxyAddress, "--https", $"127.0.0.1:{HttpsPort}", "--cost", "10");
            Assert.True(Import.ExitCode == 2, $"gate import npm: {Import}");
            var manifest = File.ReadAllText(Workspace.ManifestPath);
            Workspace.WriteManifest(manifest.Replace($"\"{Workspace.Ports.ProxyAddress}\"", $"\"{GateWorkspace.ProxyPlaceholder}\"", StringComparison.Ordinal)
                .Replace("settings:\n", $"settings:\n  admin: \"{GateWorkspace.AdminPlaceholder}\"\n  trustedProxies: [\"127.0.0.1/32\"]\n", StringComparison.Ordinal)
                .Replace("directory: letsencrypt", "directory: \"http://127.0.0.1:9/directory\"", StringComparison.Ordinal));
            Validate = await RunGateAsync("validate", "-f", Workspace.ManifestPath);
            Plan = await RunGateAsync("plan", "-f", Workspace.ManifestPath, "--state-dir", Workspace.StateDir);
            Gate = await GateProcess.StartAsync(Workspace);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private void PointAtLoopback()
    {
        string[] hosts = ["media", "files", "", "", "tools"];
        for (var id = 1; id <= hosts.Length; id++)
        {
            if (hosts[id - 1].Length > 0)
            {
                Npm.Execute("UPDATE proxy_host SET forward_host = '127.0.0.1', forward_port = $1 WHERE id = $2", Upstreams[hosts[id - 1]].Url.Port, id);
            }
        }
        Npm.Execute("UPDATE proxy_host SET forward_host = '127.0.0.1', forward_port = $1 WHERE id = 4", Household.Port);
        Npm.Execute("UPDATE proxy_host SET forward_host = '127.0.0.1', forward_port = $1, access_list_id = 2 WHERE id = 3", Proxmox.Port);
        Npm.Execute("UPDATE proxy_host SET forward_host = '127.0.0.1/legacy', forward_port = $1 WHERE id = 6", Upstreams["media"].Url.Port);
        Npm.Execute("UPDATE proxy_host SET forward_host = '127.0.0.1' WHERE id = 7");
        Npm.Execute("UPDATE proxy_host SET locations = $1 WHERE id = 5",
            $"[{{\"path\":\"/metrics\",\"advanced_config\":\"\",\"forward_scheme\":\"http\",\"forward_host\":\"127.0.0.1\",\"forward_port\":{Upstreams["metrics"].Url.Port}}}," +
            $"{{\"path\":\"/docs\",\"advanced_config\":\"proxy_set_header X-Script-Name /docs;\",\"forward_scheme\":\"http\",\"forward_host\":\"127.0.0.1/handbook\",\"forward_port\":{Upstreams["docs"].Url.Port}}}]");
        Npm.Execute("UPDATE stream SET incoming_port = $1, forwarding_host = '127.0.0.1', forwarding_port = $2 WHERE id = 1", StreamPorts[0], Upstreams["ssh"].Url.Port);
        Npm.Execute("UPDATE stream SET incoming_port = $1, forwarding_host = '127.0.0.1', forwarding_port = $2 WHERE id = 2", StreamPorts[1], Upstreams["dns"].Url.Port);
        const string Now = "'2026-11-27 18:43:20'";
        Npm.Execute($"INSERT INTO access_list (id, created_on, modified_on, owner_user_id, name, meta, satisfy_any, pass_auth) VALUES (2, {Now}, {Now}, 1, 'Strict', '{{}}', 0, 1)");
        foreach (var (user, password) in new[] { ("alice", "alice-fixture-pw"), ("bob", "bob-fixture-pw") })
        {
            Npm.Execute($"INSERT INTO access_list_auth (created_on, modified_on, access_list_id, username, password, meta) VALUES ({Now}, {Now}, 2, $1, $2, '{{}}')", user, password);
        }
        Npm.Execute($"INSERT INTO access_list_client (created_on, modified_on, access_list_id, address, directive, meta) VALUES ({Now}, {Now}, 2, '100.64.0.0/10', 'allow', '{{}}')");
        Npm.Execute($"INSERT INTO access_list_client (created_on, modified_on, access_list_id, address, directive, meta) VALUES ({Now}, {Now}, 2, 'all', 'deny', '{{}}')");
    }

    public static Task<ProcessResult> RunGateAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(GateBinary.DotnetHost, GateBinary.Arguments(arguments), timeout: TimeSpan.FromSeconds(60));

    public async Task DisposeAsync()
    {
        if (Gate is not null)
        {
            await Gate.DisposeAsync();
        }
        if (Upstreams is not null)
        {
            await Upstreams.DisposeAsync();
        }
        if (Household is not null)
        {
            await Household.DisposeAsync();
        }
        if (Proxmox is not null)
        {
            await Proxmox.DisposeAsync();
        }
        Workspace.Dispose();
    }
}
