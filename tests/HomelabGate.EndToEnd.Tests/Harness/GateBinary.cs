namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>The one built <c>gate</c> every test runs: the project reference puts <c>gate.dll</c> beside the tests (JIT).
/// With <c>HOMELABGATE_TEST_GATE=/path/to/gate</c> every test runs that executable instead, e.g. a Native AOT publish
/// (`dotnet publish src/HomelabGate -c Release -o /tmp/aot-out`), so the whole suite can be pointed at what ships.</summary>
public static class GateBinary
{
    private static readonly string? Native = Environment.GetEnvironmentVariable("HOMELABGATE_TEST_GATE") is { Length: > 0 } native
        ? File.Exists(native) ? Path.GetFullPath(native) : throw new FileNotFoundException($"HOMELABGATE_TEST_GATE names {native}, which does not exist")
        : null;

    public static string DllPath { get; } = Locate();

    /// <summary>What to start: the native gate when one is named, else the <c>dotnet</c> host that runs the tests (the SDK
    /// sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Native ?? (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet");

    /// <summary>The arguments that start gate, followed by <paramref name="args"/>.</summary>
    public static IEnumerable<string> Arguments(IEnumerable<string> args) => Native is null ? [DllPath, .. args] : args;

    private static string Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "gate.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"gate.dll is not in {AppContext.BaseDirectory}; build the test project (it references src/HomelabGate).");
    }
}
