using HomelabGate.Core.Desired;

namespace HomelabGate.Tests.Desired;

public sealed class CompactDurationConverterTests
{
    [Theory]
    [InlineData(1500, "1500ms")]
    [InlineData(10_000, "10s")]
    [InlineData(120_000, "2m")]
    [InlineData(90L * 86_400_000, "90d")]
    [InlineData(90_000, "90s")]
    public void Prints_durations_the_way_the_manifest_spells_them(long milliseconds, string expected)
    {
        var text = CompactDurationConverter.Format(TimeSpan.FromMilliseconds(milliseconds));
        Assert.Equal(expected, text);
        Assert.Equal(TimeSpan.FromMilliseconds(milliseconds), Duration.Parse(text));
    }
}
