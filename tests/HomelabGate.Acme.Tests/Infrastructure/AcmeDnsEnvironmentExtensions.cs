using System.Security.Cryptography.X509Certificates;
using HomelabGate.Acme.Http;
using HomelabGate.Testing.AcmeDns;

namespace HomelabGate.Acme.Tests.Infrastructure;

/// <summary>What the ACME client tests need on top of the shared pebble/BIND environment: an HTTP client that trusts
/// pebble, and the nsupdate/dig based DNS-01 stand-ins for our own solvers.</summary>
public static class AcmeDnsEnvironmentExtensions
{
    public static Uri DirectoryUri(this AcmeDnsEnvironment environment) => new(environment.DirectoryUrl);

    public static HttpClient CreateHttpClient(this AcmeDnsEnvironment environment, bool trustPebble = true, Func<HttpMessageHandler, HttpMessageHandler>? wrap = null)
    {
        X509Certificate2Collection? roots = trustPebble ? AcmeHttpHandler.LoadPemBundle(environment.PebbleRootCa) : null;
        HttpMessageHandler handler = AcmeHttpHandler.Create(roots);
        return new HttpClient(wrap?.Invoke(handler) ?? handler, disposeHandler: true) { Timeout = TimeSpan.FromSeconds(60) };
    }

    public static NsupdateSolver CreateSolver(this AcmeDnsEnvironment environment, string? tsigSecret = null) =>
        new(environment.DnsPort, environment.Zone, environment.TsigKeyName, tsigSecret ?? environment.TsigSecret);

    public static DigPropagationCheck CreatePropagationCheck(this AcmeDnsEnvironment environment) => new(environment.DnsPort);
}
