using System.Diagnostics;
using Xunit;

namespace HomelabGate.Testing;

/// <summary>Waits for something to become true by asking again every 50 ms until a deadline; never a fixed sleep.</summary>
public static class Poll
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <returns>The first value that satisfies <paramref name="done"/>; fails the test with the last value otherwise.</returns>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, string what, TimeSpan? timeout = null, Func<string>? context = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        var last = "(never answered)";
        while (true)
        {
            try
            {
                var value = await probe();
                if (done(value))
                {
                    return value;
                }
                last = Shorten(value?.ToString() ?? "null");
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
            {
                last = $"{e.GetType().Name}: {e.Message}";
            }
            if (clock.Elapsed > limit)
            {
                Assert.Fail($"timed out after {limit.TotalSeconds:0.#} s waiting until {what}; last: {last}{(context is null ? "" : "\n" + context())}");
            }
            await Task.Delay(Interval);
        }
    }

    private static string Shorten(string text) => text.Length <= 1500 ? text : $"{text[..1500]}… ({text.Length} characters)";
}
