using System.CommandLine;
using HomelabGate.Cli;
using HomelabGate.Composition;
using HomelabGate.Daemon;
using Microsoft.Extensions.DependencyInjection;

var daemon = args.FirstOrDefault() == "run";
if (daemon && Environment.GetEnvironmentVariable(SocketTuning.InlineCompletions) is null)
{
    SocketTuning.PreferInlineCompletions();
}
await using var services = CliServices.Build();
// System.CommandLine ends the process 2 s after SIGTERM unless told otherwise; the daemon drains for longer and exits by
// itself, so it gets its whole drain budget plus a margin. Other commands keep the short default.
var configuration = new InvocationConfiguration();
if (daemon)
{
    configuration.ProcessTerminationTimeout = RunCommand.MaximumDrain + TimeSpan.FromSeconds(5);
}
return await services.GetRequiredService<GateCli>().Build().Parse(args).InvokeAsync(configuration);
