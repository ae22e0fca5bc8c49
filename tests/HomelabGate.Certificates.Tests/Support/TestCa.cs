using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.LocalCa;
using Microsoft.Extensions.Time.Testing;

namespace HomelabGate.Certificates.Tests.Support;

/// <summary>A state directory, a fake clock and an issuer wired as the daemon would.</summary>
public sealed class TestCa : IDisposable
{
    public TestCa(LocalCaOptions? options = null)
    {
        Options = options ?? new LocalCaOptions();
        Issuer = LocalCaIssuer.ForStateDirectory(State.Path, Options, Clock);
    }

    public TempDirectory State { get; } = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero));

    public LocalCaOptions Options { get; }

    public LocalCaIssuer Issuer { get; }

    /// <summary>A second issuer on the same state directory: what the daemon sees after a restart.</summary>
    public LocalCaIssuer Restart(LocalCaOptions? options = null) => LocalCaIssuer.ForStateDirectory(State.Path, options ?? Options, Clock);

    public string CaFile(string name) => State.Combine("ca", name);

    public string CertFile(string certificate, string name) => State.Combine("certificates", certificate, name);

    public void Dispose() => State.Dispose();
}
