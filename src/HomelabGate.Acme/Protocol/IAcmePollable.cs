namespace HomelabGate.Acme.Protocol;

/// <summary>A resource whose status is polled (orders and authorizations), with the CA's Retry-After if it sent one.</summary>
internal interface IAcmePollable
{
    AcmeStatus Status { get; }

    TimeSpan? RetryAfter { get; }
}
