using System.CommandLine;
using HomelabGate.Cli;
using HomelabGate.Composition;
using Microsoft.Extensions.DependencyInjection;

using HomelabGate.Tests.Cli;

namespace HomelabGate.Tests;

/// <summary>The real <c>gate</c> command tree from the one composition root (<see cref="CliServices"/>), run in-process
/// with its output captured; <paramref name="replace"/> swaps what a test must control (the clock, stdin, trust stores).</summary>
public sealed class CliHost(Action<IServiceCollection>? replace = null)
{
    public async Task<CliRun> RunAsync(params string[] args)
    {
        await using var services = CliServices.Build(replace);
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await services.GetRequiredService<GateCli>().Build().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>One service of the CLI's container, for tests that call a command's method directly.</summary>
    public T Get<T>() where T : notnull => CliServices.Build(replace).GetRequiredService<T>();
}
