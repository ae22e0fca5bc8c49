using HomelabGate.Acme.Errors;
using HomelabGate.Acme.Http;
using HomelabGate.Acme.Jws;

namespace HomelabGate.Acme.Protocol;

/// <summary>Sends JWS-signed POSTs. A badNonce answer carries a fresh nonce (remembered by <see cref="AcmeHttp"/>),
/// so the same request is re-signed with it and sent again, a bounded number of times.</summary>
internal sealed class SignedPoster(AcmeHttp http, NonceSource nonces, JwsSigner signer, int maxBadNonceRetries)
{
    public async Task<AcmeResponse> PostAsync(Uri url, Uri newNonceUrl, Uri? accountUrl, byte[]? payload, string? accept, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var nonce = await nonces.TakeAsync(http, newNonceUrl, cancellationToken);
            var body = signer.Sign(url, nonce, accountUrl, payload);
            try
            {
                return await http.SendAsync(HttpMethod.Post, url, body, accept, cancellationToken);
            }
            catch (AcmeProblemException e) when (e.Problem.ShortType == "badNonce" && attempt < maxBadNonceRetries)
            {
                // Retry with the nonce that came with the rejection.
            }
        }
    }
}
