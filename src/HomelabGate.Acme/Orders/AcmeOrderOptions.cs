using HomelabGate.Acme.Protocol;

namespace HomelabGate.Acme.Orders;

/// <summary>Bounds for one order. Pebble and most CAs validate within seconds; the defaults leave room for slow DNS.</summary>
public sealed record AcmeOrderOptions
{
    public AcmeAccountOptions Account { get; init; } = new();

    /// <summary>Used when the CA sends no Retry-After (pebble 2.4.0 never does).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Retry-After values are honoured but clamped to this, so a bogus header cannot stall an order for hours.</summary>
    public TimeSpan MaxPollInterval { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan PropagationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan ValidationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan IssuanceTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Cleanup runs even after cancellation, so it has its own bound.</summary>
    public TimeSpan CleanupTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
