using HomelabGate.Cli;
using HomelabGate.Composition;
using HomelabGate.Daemon;
using Microsoft.Extensions.DependencyInjection;

if (args.FirstOrDefault() == "run" && Environment.GetEnvironmentVariable(SocketTuning.InlineCompletions) is null)
{
    SocketTuning.PreferInlineCompletions();
}
await using var services = CliServices.Build();
return await services.GetRequiredService<GateCli>().Build().Parse(args).InvokeAsync();
