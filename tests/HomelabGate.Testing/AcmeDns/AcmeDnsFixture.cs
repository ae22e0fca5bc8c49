using Xunit;

namespace HomelabGate.Testing.AcmeDns;

/// <summary>An xunit class or collection fixture around <see cref="AcmeDnsEnvironment"/>: BIND and pebble.</summary>
public class PebbleFixture : IAsyncLifetime
{
    private readonly bool _startPebble;

    public PebbleFixture()
        : this(startPebble: true)
    {
    }

    protected PebbleFixture(bool startPebble) => _startPebble = startPebble;

    public AcmeDnsEnvironment Environment { get; private set; } = null!;

    public async Task InitializeAsync() => Environment = await AcmeDnsEnvironment.StartAsync(_startPebble, ExtraEnvironment);

    /// <summary>Extra variables for up.sh; a derived fixture sets pebble's knobs here.</summary>
    protected virtual IReadOnlyDictionary<string, string>? ExtraEnvironment => null;

    public async Task DisposeAsync()
    {
        if (Environment is not null)
        {
            await Environment.DisposeAsync();
        }
    }
}

/// <summary>BIND alone (pebble not started), for DNS tests.</summary>
public sealed class BindFixture() : PebbleFixture(startPebble: false);
