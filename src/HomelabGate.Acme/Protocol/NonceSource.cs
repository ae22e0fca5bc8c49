using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Http;

namespace HomelabGate.Acme.Protocol;

/// <summary>Keeps the freshest Replay-Nonce seen on any response (RFC 8555 §7.2) so most requests need no extra
/// round trip; falls back to HEAD newNonce when none is held. Nonces are single-use: taking one clears it.</summary>
internal sealed class NonceSource
{
    private string? _nonce;

    public void Remember(string? nonce)
    {
        if (!string.IsNullOrEmpty(nonce))
        {
            Interlocked.Exchange(ref _nonce, nonce);
        }
    }

    public async Task<string> TakeAsync(AcmeHttp http, Uri newNonceUrl, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _nonce, null) is { } held)
        {
            return held;
        }
        await http.SendAsync(HttpMethod.Head, newNonceUrl, null, null, cancellationToken);
        return Interlocked.Exchange(ref _nonce, null)
            ?? throw new AcmeException($"the CA's newNonce endpoint {newNonceUrl} sent no Replay-Nonce header");
    }
}
