using System.Diagnostics;

namespace HomelabGate.Testing;

/// <summary>A real etcd cluster on loopback (Debian's etcd-server): <paramref name="size"/> members on free ports, each
/// with its own data directory under a temp dir, started together and stopped by pid. Members can be killed (SIGKILL)
/// and started again on the same ports and data, so tests can take quorum away and give it back. With TLS, members answer
/// clients only over TLS and only to a client certificate signed by <see cref="Tls"/>'s CA.</summary>
public sealed class EtcdCluster : IAsyncDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly Process?[] _members;
    private readonly int[] _clientPorts;
    private readonly int[] _peerPorts;
    private readonly string _token = $"hg-{Guid.NewGuid():N}";

    private EtcdCluster(int size, bool tls)
    {
        Tls = tls ? EtcdTlsFiles.Create(_dir.Path) : null;
        _members = new Process?[size];
        var ports = FreePorts.Take(size * 2);
        _clientPorts = ports[..size];
        _peerPorts = ports[size..];
    }

    public EtcdTlsFiles? Tls { get; }

    public int Size => _members.Length;

    public IReadOnlyList<string> Endpoints => [.. Enumerable.Range(0, Size).Select(Endpoint)];

    public string Endpoint(int member) => $"{(Tls is null ? "http" : "https")}://127.0.0.1:{_clientPorts[member]}";

    public int Pid(int member) => _members[member]?.Id ?? 0;

    public static async Task<EtcdCluster> StartAsync(int size = 3, bool tls = false)
    {
        var cluster = new EtcdCluster(size, tls);
        for (var i = 0; i < size; i++)
        {
            cluster.StartMember(i, initial: true);
        }
        await cluster.WaitHealthyAsync();
        return cluster;
    }

    /// <summary>SIGKILL, like a crashed node; waits until the process is gone.</summary>
    public async Task KillAsync(int member)
    {
        if (_members[member] is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts a killed member again on its ports and data (it rejoins the cluster).</summary>
    public void Restart(int member) => StartMember(member, initial: false);

    /// <summary>etcdctl against every endpoint (v3 API); fails the test on a non-zero exit.</summary>
    public async Task<string> CtlAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("etcdctl", ["--endpoints", string.Join(",", Endpoints), "--command-timeout=5s", .. CtlTls(), .. arguments],
            environment: new Dictionary<string, string> { ["ETCDCTL_API"] = "3" });
        return result.ExitCode == 0 ? result.StandardOutput : throw new InvalidOperationException($"etcdctl {string.Join(' ', arguments)}: {result.StandardError}");
    }

    /// <summary>Until every running member answers as healthy (a leader is elected within ~2 s of start).</summary>
    public Task WaitHealthyAsync(TimeSpan? timeout = null) =>
        Poll.UntilAsync(async () => await ProcessRunner.RunAsync("etcdctl", ["--endpoints", string.Join(",", Running().Select(Endpoint)), .. CtlTls(), "endpoint", "health"],
            environment: new Dictionary<string, string> { ["ETCDCTL_API"] = "3" }), r => r.ExitCode == 0, "etcd is healthy", timeout ?? TimeSpan.FromSeconds(30));

    private string[] CtlTls() => Tls is null ? [] : ["--cacert", Tls.Ca, "--cert", Tls.ClientCert, "--key", Tls.ClientKey];

    private string[] ServerTls() => Tls is null ? [] :
        ["--cert-file", Tls.ServerCert, "--key-file", Tls.ServerKey, "--trusted-ca-file", Tls.Ca, "--client-cert-auth"];

    private IEnumerable<int> Running() => Enumerable.Range(0, Size).Where(i => _members[i] is { HasExited: false });

    private void StartMember(int i, bool initial)
    {
        var peers = string.Join(",", Enumerable.Range(0, Size).Select(m => $"n{m}=http://127.0.0.1:{_peerPorts[m]}"));
        var info = new ProcessStartInfo("etcd") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        string[] arguments =
        [
            "--name", $"n{i}", "--data-dir", _dir.Combine($"n{i}"),
            "--listen-peer-urls", $"http://127.0.0.1:{_peerPorts[i]}", "--initial-advertise-peer-urls", $"http://127.0.0.1:{_peerPorts[i]}",
            "--listen-client-urls", Endpoint(i), "--advertise-client-urls", Endpoint(i),
            "--initial-cluster", peers, "--initial-cluster-state", initial ? "new" : "existing", "--initial-cluster-token", _token,
            // Fast elections on loopback, and a quiet log.
            "--heartbeat-interval", "100", "--election-timeout", "1000", "--log-level", "error", "--logger", "zap",
            .. ServerTls(),
        ];
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start etcd");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _members[i] = process;
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = 0; i < Size; i++)
        {
            await KillAsync(i);
            _members[i]?.Dispose();
        }
        _dir.Dispose();
    }
}
