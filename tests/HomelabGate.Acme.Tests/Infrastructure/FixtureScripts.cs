namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>Finds tests/fixtures/acme-dns by walking up from the test binaries.</summary>
internal static class FixtureScripts
{
    public static string Directory { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "fixtures", "acme-dns");
            if (File.Exists(Path.Combine(candidate, "up.sh")))
            {
                return candidate;
            }
        }
        throw new InvalidOperationException("tests/fixtures/acme-dns/up.sh not found above " + AppContext.BaseDirectory);
    }
}
