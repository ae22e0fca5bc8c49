namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>The one built <c>gate</c> every test runs: the project reference puts <c>gate.dll</c> beside the tests.</summary>
public static class GateBinary
{
    public static string DllPath { get; } = Locate();

    /// <summary>The <c>dotnet</c> host that runs the tests (the SDK sets DOTNET_HOST_PATH), else the one on PATH.</summary>
    public static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host)
        ? host
        : "dotnet";

    /// <summary>The arguments that start gate, followed by <paramref name="args"/>.</summary>
    public static IEnumerable<string> Arguments(IEnumerable<string> args) => [DllPath, .. args];

    private static string Locate()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "gate.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"gate.dll is not in {AppContext.BaseDirectory}; build the test project (it references src/HomelabGate).");
    }
}
