namespace HomelabGate.Proxy.Upgrades;

/// <summary>The pool's own client, with the wait for the upstream's answer to an upgrade request bounded as a plain
/// request's is (YARP answers 504 when it passes). The bound ends with the answer: it never reaches the open connection.</summary>
internal sealed class HandshakeBoundInvoker(HttpMessageInvoker pool, TimeSpan bound) : HttpMessageInvoker(NotUsed.Instance, disposeHandler: false)
{
    /// <summary>How long the upstream has to answer the upgrade request.</summary>
    public TimeSpan Bound => bound;

    public override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var handshake = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        handshake.CancelAfter(bound);
        return await pool.SendAsync(request, handshake.Token).ConfigureAwait(false);
    }

    public override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        throw new NotSupportedException("the proxy forwards asynchronously");

    /// <summary>HttpMessageInvoker needs a handler; every call goes to the pool's client instead.</summary>
    private sealed class NotUsed : HttpMessageHandler
    {
        public static readonly NotUsed Instance = new();

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            throw new NotSupportedException("every request goes to the pool's client");
    }
}
