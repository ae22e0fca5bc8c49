namespace HomelabGate.Daemon;

/// <summary>A proxy spends most of its time waiting on sockets, and on a small machine every hop between the socket
/// thread and the thread pool is a context switch. Two switches remove them, measured through the gate on one pinned
/// core, each in one interleaved run (bench/results):
/// <list type="bullet">
/// <item>socket completions inline on the epoll thread: +9 to +14 % requests/s, half the p99;</item>
/// <item>Kestrel running requests inline on the socket thread: a further +29 % (27,480 → 35,437 req/s).</item>
/// </list>
/// Both are safe only while nothing on the request path blocks: password hashes are checked on the thread pool
/// (HashVerifier), forward auth and proxying are asynchronous, and the reconcile loop's file and network work runs on
/// its own task. Keep it that way. <c>HOMELABGATE_INLINE_SCHEDULING=0</c> turns the second one off; an explicit
/// <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c> wins over the first, which the runtime reads once, when the
/// first socket is created, so it is set before any networking.</summary>
public static class SocketTuning
{
    public const string InlineCompletions = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public const string InlineSchedulingVariable = "HOMELABGATE_INLINE_SCHEDULING";

    public static bool InlineScheduling => Environment.GetEnvironmentVariable(InlineSchedulingVariable) != "0";

    public static void PreferInlineCompletions() => Environment.SetEnvironmentVariable(InlineCompletions, "1");
}
