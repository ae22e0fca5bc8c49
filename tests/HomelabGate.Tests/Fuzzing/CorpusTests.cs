using HomelabGate.Tests.Rendering;

namespace HomelabGate.Tests.Fuzzing;

/// <summary>Inputs that once crashed, hung or misplaced a diagnostic (found by the fuzzer or reported), kept as files
/// under Fuzzing/corpus/ and held to <see cref="LoaderProperty"/> on every run.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Folder()).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Corpus_input_is_answered_in_time_with_every_diagnostic_inside_the_file(string name) =>
        LoaderProperty.Check(File.ReadAllBytes(Path.Combine(Folder(), name)));

    private static string Folder() => Path.Combine(RenderingGoldenTests.RepoRoot(), "tests", "HomelabGate.Tests", "Fuzzing", "corpus");
}
