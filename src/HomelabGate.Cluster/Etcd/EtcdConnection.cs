using Etcdserverpb;
using Grpc.Core;
using Grpc.Net.Client;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;

namespace HomelabGate.Cluster.Etcd;

/// <summary>gRPC channels to every etcd endpoint, used one at a time: a call that finds its member gone, or without
/// quorum, moves on to the next. With a user, an auth token is fetched once and again when etcd says it expired.</summary>
public sealed class EtcdConnection : IDisposable
{
    private readonly GrpcChannel[] _channels;
    private readonly ClusterSettings _settings;
    private readonly string? _user;
    private readonly string? _password;
    private readonly Lock _gate = new();
    private int _current;
    private string? _token;

    public EtcdConnection(ClusterSettings settings, ISecretResolver secrets)
    {
        Endpoints = [.. settings.Endpoints];
        _settings = settings;
        _user = settings.Username;
        _password = settings.Password is null ? null : secrets.Resolve(SecretReferences.Require(settings.Password, "settings.cluster.etcd.password"));
        var tls = EtcdTls.Create(settings);
        _channels = [.. Endpoints.Select(e => GrpcChannel.ForAddress(e, new GrpcChannelOptions { HttpHandler = tls.Handler(), DisposeHttpClient = true }))];
    }

    public IReadOnlyList<string> Endpoints { get; }

    public string Description => string.Join(", ", Endpoints);

    /// <summary>A unary call, tried on each endpoint in turn until one answers.</summary>
    /// <exception cref="EtcdUnavailableException">No endpoint answered within <paramref name="timeout"/> each.</exception>
    public async Task<T> CallAsync<T>(Func<CallInvoker, CallOptions, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        RpcException? last = null;
        for (var attempt = 0; attempt < _channels.Length; attempt++)
        {
            var index = CurrentIndex();
            try
            {
                return await CallOnceAsync(index, call, timeout, cancellationToken);
            }
            catch (RpcException e) when (IsAuthExpired(e))
            {
                _token = null;
                return await CallOnceAsync(index, call, timeout, cancellationToken);
            }
            catch (RpcException e) when (!cancellationToken.IsCancellationRequested && IsTransient(e))
            {
                last = e;
                Rotate(index);
            }
        }
        throw new EtcdUnavailableException(EtcdTlsHint.For(last, _settings) is { } hint
            ? $"etcd did not answer at {Description}: {hint}"
            : $"etcd did not answer at {Description}: {last?.Status.Detail}", last);
    }

    /// <summary>For a streaming call: the current endpoint's invoker and options (auth included).</summary>
    public async Task<(CallInvoker Invoker, CallOptions Options, int Index)> StreamAsync(CancellationToken cancellationToken, TimeSpan? timeout = null)
    {
        var index = CurrentIndex();
        var deadline = timeout is { } t ? DateTime.UtcNow + t : (DateTime?)null;
        return (_channels[index].CreateCallInvoker(), new CallOptions(await HeadersAsync(index, cancellationToken), deadline, cancellationToken), index);
    }

    /// <summary>A streaming call on <paramref name="index"/> failed: the next one goes elsewhere.</summary>
    public void Rotate(int index)
    {
        lock (_gate)
        {
            if (_current == index)
            {
                _current = (index + 1) % _channels.Length;
            }
        }
    }

    public static bool IsTransient(RpcException e) =>
        e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Cancelled or StatusCode.Internal or StatusCode.Unknown
        || e.Status.Detail.Contains("leader changed", StringComparison.Ordinal) || e.Status.Detail.Contains("timed out", StringComparison.Ordinal);

    private async Task<T> CallOnceAsync<T>(int index, Func<CallInvoker, CallOptions, Task<T>> call, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var options = new CallOptions(await HeadersAsync(index, cancellationToken), DateTime.UtcNow + timeout, cancellationToken);
        return await call(_channels[index].CreateCallInvoker(), options);
    }

    private async Task<Metadata?> HeadersAsync(int index, CancellationToken cancellationToken)
    {
        if (_user is null)
        {
            return null;
        }
        if (_token is null)
        {
            try
            {
                var response = await new Auth.AuthClient(_channels[index]).AuthenticateAsync(new AuthenticateRequest { Name = _user, Password = _password },
                    deadline: DateTime.UtcNow.AddSeconds(5), cancellationToken: cancellationToken);
                _token = response.Token;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.InvalidArgument or StatusCode.PermissionDenied or StatusCode.Unauthenticated or StatusCode.FailedPrecondition)
            {
                throw new EtcdAuthException($"etcd refused user '{_user}' at {Endpoints[index]}: {e.Status.Detail}", e);
            }
        }
        return new Metadata { { "token", _token } };
    }

    private static bool IsAuthExpired(RpcException e) => e.StatusCode == StatusCode.Unauthenticated || e.Status.Detail.Contains("invalid auth token", StringComparison.Ordinal);

    private int CurrentIndex()
    {
        lock (_gate)
        {
            return _current;
        }
    }

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}
