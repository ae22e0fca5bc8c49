namespace HomelabGate.Fuzzing;

/// <summary>A seed manifest and the mutations applied to it, in order. Prints short, so a failing case is readable.</summary>
public sealed record FuzzInput(Seed Seed, Mutation[] Mutations)
{
    private byte[]? _bytes;

    public byte[] Bytes => _bytes ??= Mutations.Aggregate(Seed.Bytes, (bytes, mutation) => mutation.Apply(bytes));

    public override string ToString() =>
        $"{Seed.Name} + {string.Join(" + ", Mutations.Select(m => Shorten(m.ToString())))} ({Bytes.Length} bytes)";

    private static string Shorten(string text) =>
        (text.Length > 160 ? $"{text[..150]}…[{text.Length} chars]" : text).ReplaceLineEndings("\\n");
}
