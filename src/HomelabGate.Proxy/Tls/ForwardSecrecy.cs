using System.Collections.Frozen;
using System.Net.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;

namespace HomelabGate.Proxy.Tls;

/// <summary>TLS 1.3 suites plus TLS 1.2 ECDHE with AEAD ciphers only: every suite is forward-secret (no static RSA key
/// exchange, no CBC). This is Mozilla's "intermediate" profile, which every browser of the last eight years speaks.
/// <para>Enforced after the handshake, not by a <see cref="CipherSuitesPolicy"/>: on Linux, a policy on the server
/// options makes .NET build a new OpenSSL context for every handshake — no session cache, no TLS 1.3 tickets, so no
/// resumption, and a full handshake costs about twice the CPU (bench/results). Without one, OpenSSL's defaults apply
/// (which also offer CBC and, with an RSA key, static-RSA suites to TLS 1.2 clients that ask for nothing better), and a
/// connection that negotiated such a suite is closed before any request is read.</para></summary>
public static class ForwardSecrecy
{
    public static FrozenSet<TlsCipherSuite> Allowed { get; } = new[]
    {
        TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
        TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
        TlsCipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
    }.ToFrozenSet();

    /// <summary>Put right after <c>UseHttps</c> on a listener: closes connections whose suite is not <see cref="Allowed"/>.</summary>
    public static void Enforce(IConnectionBuilder listener) => listener.Use(next => connection =>
        connection.Features.Get<ITlsHandshakeFeature>() is { } tls && !Allowed.Contains(tls.NegotiatedCipherSuite ?? default)
            ? Refuse(connection)
            : next(connection));

    private static Task Refuse(ConnectionContext connection)
    {
        connection.Abort(new ConnectionAbortedException("the negotiated TLS cipher suite is not forward-secret with an AEAD cipher"));
        return Task.CompletedTask;
    }
}
