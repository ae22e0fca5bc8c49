namespace HomelabGate.Daemon;

/// <summary>A proxy spends most of its time waiting on sockets. Completing socket operations on the epoll thread instead
/// of hopping to the thread pool measured +9 to +14 % requests/s and half the p99 through the gate on 2 cores
/// (bench/results/2026-11-26-runtime-settings.md). It is safe here because Kestrel still dispatches request handling to
/// the thread pool, so nothing slow (bcrypt, file I/O) runs on the epoll thread. The runtime reads the switch once,
/// when the first socket is created, so it must be set before any networking; an explicit value in the environment wins.</summary>
public static class SocketTuning
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void PreferInlineCompletions() => Environment.SetEnvironmentVariable(InlineCompletions, "1");
}
