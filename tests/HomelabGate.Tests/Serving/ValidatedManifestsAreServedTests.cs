using CsCheck;
using Xunit.Abstractions;

namespace HomelabGate.Tests.Serving;

/// <summary>Generated from the schema's own enums and ranges: every manifest <c>gate validate</c> accepts is served.</summary>
public sealed class ValidatedManifestsAreServedTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_generated_manifest_that_validates_is_accepted_by_the_proxy_and_gets_its_certificates()
    {
        using var property = new ServingProperty();
        var (validated, total) = (0, 0);
        SchemaManifestGen.Manifest(new SchemaFacts()).Sample(yaml =>
        {
            Interlocked.Increment(ref total);
            if (property.Check(yaml))
            {
                Interlocked.Increment(ref validated);
            }
            else if (Environment.GetEnvironmentVariable("HOMELABGATE_SERVING_DEBUG") is not null)
            {
                output.WriteLine(string.Join(" | ", ManifestFixture.Load(yaml).Diagnostics.Where(d => d.IsError).Select(d => d.Summary)));
            }
        }, iter: 600, threads: 1, seed: Environment.GetEnvironmentVariable("HOMELABGATE_SERVING_SEED"));
        output.WriteLine($"{total} manifests, {validated} validated and were served");
        Assert.True(validated >= total / 10, $"only {validated} of {total} generated manifests validated: the generator drifted from the schema");
    }
}
