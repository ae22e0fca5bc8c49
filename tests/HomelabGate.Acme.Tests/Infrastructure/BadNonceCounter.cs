namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>Counts badNonce rejections on the wire, to prove the retry path really ran against pebble.</summary>
public sealed class BadNonceCounter(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private int _rejections;
    private int _posts;

    public int Rejections => _rejections;

    public int Posts => _posts;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Method == HttpMethod.Post)
        {
            Interlocked.Increment(ref _posts);
            if ((int)response.StatusCode == 400)
            {
                await response.Content.LoadIntoBufferAsync(cancellationToken);
                if ((await response.Content.ReadAsStringAsync(cancellationToken)).Contains("badNonce", StringComparison.Ordinal))
                {
                    Interlocked.Increment(ref _rejections);
                }
            }
        }
        return response;
    }
}
