using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.Status;
using HomelabGate.Testing;
using Poll = HomelabGate.Testing.Poll;

namespace HomelabGate.EndToEnd.Tests.Cluster;

/// <summary>Three real <c>gate run</c> replicas on one real 3-member etcd: each its own workspace (ports, state dir) and
/// replica id, all with the same hosts, certificate (from pebble) and DNS records; only their listen addresses differ,
/// as they share one machine.</summary>
public sealed class ClusterReplicas : IAsyncDisposable
{
    public const string Body = "served by a replica";
    private readonly ClusterInfrastructure _infra;
    private readonly TempDirectory _secrets = new();
    private readonly string _prefix = $"/hg-{Guid.NewGuid():N}"[..16];

    private ClusterReplicas(ClusterInfrastructure infra, EtcdCluster etcd, int count)
    {
        _infra = infra;
        Etcd = etcd;
        KeyFile = _secrets.Write("cluster.key", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n");
        Workspaces = [.. Enumerable.Range(0, count).Select(_ => GateWorkspace.Create())];
        HttpsPorts = [.. Enumerable.Range(0, count).Select(_ => FreePorts.Next())];
        Gates = new GateProcess?[count];
    }

    public EtcdCluster Etcd { get; }

    public string KeyFile { get; }

    public IReadOnlyList<GateWorkspace> Workspaces { get; }

    public IReadOnlyList<int> HttpsPorts { get; }

    public GateProcess?[] Gates { get; }

    public string Prefix => _prefix;

    /// <summary>The record every cluster writes, named afresh for each: the BIND the tests share keeps records (and their
    /// ownership TXT) from earlier tests, and a record already in place would need no write.</summary>
    public string Www { get; } = $"www-{Guid.NewGuid().ToString("N")[..8]}";

    public static async Task<ClusterReplicas> StartAsync(ClusterInfrastructure infra, int count = 3, string extraDomains = "", string extraRecords = "")
    {
        var replicas = new ClusterReplicas(infra, await EtcdCluster.StartAsync(), count);
        replicas.WriteManifests(extraDomains, extraRecords);
        for (var i = 0; i < count; i++)
        {
            replicas.Gates[i] = await GateProcess.StartAsync(replicas.Workspaces[i], replicas.Environment(i));
        }
        return replicas;
    }

    public Dictionary<string, string> Environment(int i) => new() { ["HOMELABGATE_REPLICA"] = $"r{i}", ["TSIG_SECRET"] = _infra.Acme.TsigSecret };

    /// <summary>The same content for every replica; an edit goes to all (as a git pull on each node would).</summary>
    public void WriteManifests(string extraDomains = "", string extraRecords = "", string? keyFile = null, IReadOnlyList<string>? endpoints = null)
    {
        for (var i = 0; i < Workspaces.Count; i++)
        {
            Workspaces[i].WriteManifest(Manifest(HttpsPorts[i], extraDomains, extraRecords, keyFile ?? KeyFile, endpoints ?? Etcd.Endpoints));
        }
    }

    public string Manifest(int httpsPort, string extraDomains, string extraRecords, string keyFile, IReadOnlyList<string> endpoints)
    {
        var acme = _infra.Acme;
        return $$"""
            version: 1
            settings:
              listen:
                http: "{{GateWorkspace.ProxyPlaceholder}}"
                https: "127.0.0.1:{{httpsPort}}"
              admin: "{{GateWorkspace.AdminPlaceholder}}"
              accessLog: false
              cluster:
                etcd: { endpoints: [{{string.Join(", ", endpoints.Select(e => $"\"{e}\""))}}], prefix: "{{_prefix}}" }
                leaseTtl: {{(int)LeaseTtl.TotalSeconds}}s
                encryptionKey: "${file:{{keyFile}}}"
            issuers:
              pebble:
                type: acme
                directory: {{acme.DirectoryUrl}}
                caBundle: {{acme.PebbleRootCa}}
                dns01:
                  provider: rfc2136
                  server: "{{acme.DnsServer}}"
                  zone: {{acme.Zone}}
                  tsig: { name: {{acme.TsigKeyName}}, secret: "${env:TSIG_SECRET}" }
            dns:
              provider:
                type: rfc2136
                server: "{{acme.DnsServer}}"
                zone: {{acme.Zone}}
                tsig: { name: {{acme.TsigKeyName}}, secret: "${env:TSIG_SECRET}" }
              records:
                - { name: {{Www}}.home.test, type: A, value: 10.1.2.3 }{{extraRecords}}
            certificates:
              public: { issuer: pebble, domains: [app.home.test{{extraDomains}}] }
            hosts:
              app:
                domains: [app.home.test{{extraDomains}}]
                respond: { status: 200, body: "{{Body}}" }
                certificate: public

            """;
    }

    public static readonly TimeSpan LeaseTtl = TimeSpan.FromSeconds(3);

    public static async Task<ClusterDocument?> ClusterAsync(GateProcess gate)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var answer = await TestHttp.GetAsync(new Uri($"http://{gate.Workspace.Ports.AdminAddress}/api/status"), cancellationToken: timeout.Token);
            return answer.Status == 200 ? JsonSerializer.Deserialize(answer.Body, StatusJson.Default.StatusDocument)?.Cluster : null;
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Until the running replicas agree on one leader among them; returns its index.</summary>
    public async Task<int> LeaderAsync(TimeSpan? timeout = null)
    {
        var running = Enumerable.Range(0, Gates.Length).Where(i => Gates[i] is { HasExited: false }).ToList();
        var views = await Poll.UntilAsync(async () => await Task.WhenAll(running.Select(i => ClusterAsync(Gates[i]!))),
            v => v.All(c => c is not null) && v.Count(c => c!.Role == "leader") == 1 && v.Select(c => c!.Leader).Distinct().Count() == 1
                && running.Contains(int.Parse(v[0]!.Leader![1..], CultureInfo.InvariantCulture)),
            "the replicas agree on one leader", timeout ?? TimeSpan.FromSeconds(30), Context);
        return int.Parse(views[0]!.Leader![1..], CultureInfo.InvariantCulture);
    }

    /// <summary>curl over HTTPS with SNI, trusting pebble's issuer: the certificate this replica serves for app.home.test.</summary>
    public async Task<ProcessResult> CurlAsync(int i, string host = "app.home.test")
    {
        var port = HttpsPorts[i].ToString(CultureInfo.InvariantCulture);
        return await ProcessRunner.RunAsync("curl", ["-sS", "--noproxy", "*", "--max-time", "5", "--cacert", _infra.Acme.IssuerRoot,
            "--resolve", $"{host}:{port}:127.0.0.1", "-w", "\n%{ssl_verify_result}", $"https://{host}:{port}/"], timeout: TimeSpan.FromSeconds(10));
    }

    public Task ServedByAllAsync(IEnumerable<int> replicas, TimeSpan timeout, string host = "app.home.test") =>
        Task.WhenAll(replicas.Select(i => Poll.UntilAsync(() => CurlAsync(i, host), r => r.ExitCode == 0 && r.StandardOutput.StartsWith(Body, StringComparison.Ordinal),
            $"replica r{i} serves {host} with pebble's certificate", timeout, Context)));

    public string Context() => string.Join("\n", Gates.Select((g, i) => g is null ? "" : $"--- r{i} ---\n{Tail(g.Output)}"));

    private static string Tail(string text) => text.Length <= 3000 ? text : text[^3000..];

    public async ValueTask DisposeAsync()
    {
        foreach (var gate in Gates.OfType<GateProcess>())
        {
            await gate.DisposeAsync();
        }
        await Etcd.DisposeAsync();
        foreach (var workspace in Workspaces)
        {
            workspace.Dispose();
        }
        _secrets.Dispose();
    }
}

/// <summary>Requests in a loop against some replicas until stopped: every failure counted (bounded: 5 s per request).</summary>
public sealed class CurlLoop(Func<int, Task<ProcessResult>> curl, IReadOnlyList<int> replicas) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public int Requests { get; private set; }

    public List<string> Failures { get; } = [];

    public CurlLoop Start()
    {
        _loop = Task.Run(async () =>
        {
            var clock = Stopwatch.StartNew();
            while (!_stop.IsCancellationRequested && clock.Elapsed < TimeSpan.FromMinutes(2))
            {
                foreach (var i in replicas)
                {
                    var result = await curl(i);
                    Requests++;
                    if (result.ExitCode != 0 || !result.StandardOutput.StartsWith(ClusterReplicas.Body, StringComparison.Ordinal))
                    {
                        Failures.Add($"r{i}: {result}");
                    }
                }
            }
        });
        return this;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }
        _stop.Dispose();
    }
}
