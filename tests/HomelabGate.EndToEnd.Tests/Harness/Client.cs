namespace HomelabGate.EndToEnd.Tests.Harness;

/// <summary>Which real HTTP client sends a request: the curl binary or .NET's HttpClient.</summary>
public enum Client
{
    Curl,
    HttpClient,
}
