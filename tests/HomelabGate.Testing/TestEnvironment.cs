using System.Diagnostics;

namespace HomelabGate.Testing;

/// <summary>Every process the tests start sees the same environment, whatever the developer's shell exports.</summary>
public static class TestEnvironment
{
    public static void Apply(ProcessStartInfo info)
    {
        // These would override --state-dir or the file watcher mode under test.
        info.Environment.Remove("HOMELABGATE_STATE_DIR");
        info.Environment.Remove("HOMELABGATE_POLL");
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        // curl and HttpClient must talk to loopback directly.
        info.Environment.Remove("http_proxy");
        info.Environment.Remove("HTTP_PROXY");
        info.Environment["NO_PROXY"] = "*";
        // `dotnet test` leaves MSBuild variables that would point a nested `dotnet publish` at the outer build's SDK internals.
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            info.Environment.Remove(key);
        }
    }
}
