namespace HomelabGate.Core.Desired;

/// <summary>At most <see cref="Requests"/> requests per client IP in each <see cref="Window"/>, per host.</summary>
public sealed record RateLimitPolicy(int Requests, TimeSpan Window)
{
    /// <summary>Without a window the limit is per second, as in nginx's <c>limit_req</c> and Traefik's default period.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromSeconds(1);
}
