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
// I/O failures a user can cause (a full disk, a read-only mount, a permission) are one line, not a stack trace; any other
// exception is a bug and keeps its trace for the report.
var configuration = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
if (daemon)
{
    configuration.ProcessTerminationTimeout = RunCommand.MaximumDrain + TimeSpan.FromSeconds(5);
}
try
{
    return await services.GetRequiredService<GateCli>().Build().Parse(args).InvokeAsync(configuration);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"gate: {e.Message}");
    return ExitCodes.Error;
}
