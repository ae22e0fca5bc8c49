using System.Diagnostics;

namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Every process the tests start sees the same environment, whatever the developer's shell exports.</summary>
public static class GateEnvironment
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
    }
}
