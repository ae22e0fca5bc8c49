using HomelabGate.Certificates.LocalCa;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Certificates.Tests.Support;

/// <summary>A state directory, a fake clock and a local-CA source wired as the daemon wires it.</summary>
public sealed class TestCa : IDisposable
{
    public TestCa(LocalCaOptions? options = null)
    {
        Options = options ?? new LocalCaOptions();
        Issuer = new LocalCaTestIssuer(State.Path, Options, Clock);
    }

    public TempDirectory State { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public LocalCaOptions Options { get; }

    public LocalCaTestIssuer Issuer { get; }

    /// <summary>A second source on the same state directory: what the daemon sees after a restart.</summary>
    public LocalCaTestIssuer Restart(LocalCaOptions? options = null) => new(State.Path, options ?? Options, Clock);

    public string CaFile(string name) => State.Combine("ca", name);

    public string CertFile(string certificate, string name) => State.Combine("certificates", certificate, name);

    public void Dispose() => State.Dispose();
}
