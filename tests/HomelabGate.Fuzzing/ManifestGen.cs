using CsCheck;

namespace HomelabGate.Fuzzing;

/// <summary>Near-valid manifests: a shipped manifest with one to four mutations (bytes, structure, values, line endings,
/// encodings). Built from CsCheck generators, so a failure shrinks towards fewer, smaller mutations.</summary>
public static class ManifestGen
{
    public static Gen<FuzzInput> Mutated(IReadOnlyList<Seed> seeds)
    {
        var position = Gen.Int[0, 1 << 20];
        var line = Gen.Int[0, 400];
        var mutation = Gen.Frequency<Mutation>(
            (3, Gen.Select(position, Gen.Byte, (at, value) => (Mutation)new FlipByte(at, value))),
            (1, position.Select(at => (Mutation)new Truncate(at))),
            (3, Gen.Select(position, Snippet(), (at, text) => (Mutation)new Insert(at, text))),
            (6, Gen.Select(line, Snippet(), (at, text) => (Mutation)new ReplaceValue(at, text))),
            (1, line.Select(at => (Mutation)new DeleteLine(at))),
            (1, Gen.Select(line, Gen.Int[1, 3], (at, times) => (Mutation)new DuplicateLine(at, times))),
            (2, Gen.Select(line, Gen.Int[-4, 6], Gen.Bool, (at, delta, tabs) => (Mutation)new Indent(at, delta, tabs))),
            (2, Gen.Select(Gen.Enum<LineEnding>(), Gen.Int, (style, pattern) => (Mutation)new LineEndings(style, pattern))),
            (1, Gen.Enum<TextEncoding>().Select(encoding => (Mutation)new Reencode(encoding))));
        return Gen.Select(Gen.Int[0, seeds.Count - 1], mutation.Array[1, 4], (seed, mutations) => new FuzzInput(seeds[seed], mutations));
    }

    /// <summary>What gets inserted or put in place of a value.</summary>
    public static Gen<string> Snippet() => Gen.Frequency<string>(
        (6, Gen.OneOf(Snippets.Structural)),
        (3, Gen.OneOf(Snippets.Characters)),
        (6, Gen.OneOf(Snippets.Values)),
        (2, Gen.Select(Gen.Int[1, 2000], Gen.Int[0, 1], Snippets.Nested)),
        (1, Gen.Select(Gen.Int[1, 400], Gen.Int[2, 3], Snippets.Nested)),
        (1, Gen.Select(Gen.Int[1, 12], Gen.Int[2, 12], Snippets.AliasBomb)),
        (1, Gen.Select(Gen.Int[1, 300_000], Gen.Int[0, 25], Snippets.LongLine)));

    /// <summary>The same inputs for the same seed, without CsCheck's sampler (for writing a corpus to disk).</summary>
    public static IEnumerable<FuzzInput> Deterministic(Gen<FuzzInput> gen, ulong seed, int count)
    {
        var random = new PCG(1, seed);
        for (var i = 0; i < count; i++)
        {
            yield return gen.Generate(random, null, out _);
        }
    }
}
