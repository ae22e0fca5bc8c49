using System.Diagnostics;
using CsCheck;
using HomelabGate.Fuzzing;
using Xunit.Abstractions;

namespace HomelabGate.Tests.Fuzzing;

/// <summary>Mutated shipped manifests (bytes, structure, aliases, tags, numbers, encodings, line endings) against
/// <see cref="LoaderProperty"/>. Bounded here; set HOMELABGATE_FUZZ_ITERATIONS for a longer run and
/// HOMELABGATE_FUZZ_SEED to replay one that failed (CsCheck prints the seed).</summary>
public sealed class ManifestFuzzTests(ITestOutputHelper output)
{
    public const string IterationsVariable = "HOMELABGATE_FUZZ_ITERATIONS";
    public const string SeedVariable = "HOMELABGATE_FUZZ_SEED";
    public const string SaveVariable = "HOMELABGATE_FUZZ_SAVE";

    [Fact]
    public void Every_mutated_manifest_is_answered_in_time_with_every_diagnostic_inside_the_file()
    {
        var iterations = long.Parse(Environment.GetEnvironmentVariable(IterationsVariable) ?? "10000", System.Globalization.CultureInfo.InvariantCulture);
        var watch = Stopwatch.StartNew();
        var save = Environment.GetEnvironmentVariable(SaveVariable);
        ManifestGen.Mutated(Seed.Shipped(Seed.RepoRoot())).Sample(input => Check(input, save),
            seed: Environment.GetEnvironmentVariable(SeedVariable), iter: iterations);
        output.WriteLine($"{iterations} inputs in {watch.Elapsed.TotalSeconds:F1} s ({iterations / watch.Elapsed.TotalSeconds:F0} inputs/s)");
    }

    /// <summary>With HOMELABGATE_FUZZ_SAVE=DIR, each failing input is also written there (candidates for the corpus).</summary>
    private static void Check(FuzzInput input, string? saveTo)
    {
        try
        {
            LoaderProperty.Check(input.Bytes);
        }
        catch (Exception) when (saveTo is not null)
        {
            Directory.CreateDirectory(saveTo);
            File.WriteAllBytes(Path.Combine(saveTo, $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(input.Bytes))[..16]}.yaml"), input.Bytes);
            throw;
        }
    }
}
