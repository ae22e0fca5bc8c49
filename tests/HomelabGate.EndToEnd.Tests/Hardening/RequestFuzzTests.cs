using System.Globalization;
using System.Text.RegularExpressions;
using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace HomelabGate.EndToEnd.Tests.Hardening;

/// <summary>A raw-socket fuzzer against the running daemon and a real upstream: request-line and header mutations, CL/TE
/// combinations, obs-fold, control bytes, huge heads, bad chunk sizes, absolute-form targets, %-encodings and dot
/// segments (<see cref="RequestMutator"/>). The daemon never dies, never hangs, never answers 5xx (except 505 for an
/// HTTP version it does not speak); the upstream never sees a request whose answer the client did not get (a smuggled
/// one), a request the client framed two ways, a path with a dot segment once decoded, a client's forwarding header
/// or a header with an underscore. 400 cases in the suite; <c>HOMELABGATE_FUZZ_REQUESTS</c> and
/// <c>HOMELABGATE_FUZZ_SEED</c> for more.</summary>
public sealed partial class RequestFuzzTests(RequestFuzzTests.Daemon daemon, ITestOutputHelper output) : IClassFixture<RequestFuzzTests.Daemon>
{
    private static readonly int Cases = Setting("HOMELABGATE_FUZZ_REQUESTS", 400);
    private static readonly int Seed = Setting("HOMELABGATE_FUZZ_SEED", 11);

    [Fact]
    public async Task Malformed_requests_never_kill_the_daemon_get_a_5xx_or_smuggle_a_request_to_the_upstream()
    {
        var mutator = new RequestMutator(new Random(Seed), "fuzz.test");
        var failures = new FuzzFailures();
        var statuses = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var previous = "(none)";
        for (var i = 0; i < Cases; i++)
        {
            var request = mutator.Next();
            await daemon.SettleAsync();
            var before = daemon.Answered;
            daemon.Violations.Clear();
            // Idle for a second: the request is incomplete (or kept alive) — unless the upstream is still answering it.
            var answer = await RawHttp.SendAsync(daemon.Gate.Workspace.Ports.Proxy, request.ToBytes(), idle: TimeSpan.FromSeconds(1),
                keepWaiting: text => daemon.InFlight > 0 || UpstreamSeq().Count(text) < daemon.Answered - before);
            await daemon.SettleAsync();
            var seen = UpstreamSeq().Count(answer.Text);
            var context = $"seed {Seed} case {i}: {request.Show()}\n→ {Shorten(answer.ToString())}\n(previous: {previous})";

            Assert.False(daemon.Gate.HasExited, $"the daemon died at {context}\n{daemon.Gate.Output}");
            failures.Check(!answer.TimedOut, "no end of answer", context);
            failures.Check(answer.Statuses.All(s => s < 500 || (s == 505 && request.UnsupportedVersion)), "a 5xx", context);
            // A client that hung up after its idle second may miss an answer; one that waited for the close may not.
            failures.Check(answer.HalfClosed ? daemon.Answered - before >= seen : daemon.Answered - before == seen,
                "an upstream request whose answer the client did not get", context);
            failures.Check(seen == 0 || !request.AmbiguousFraming, "a request framed two ways reached the upstream", context);
            foreach (var violation in daemon.Violations)
            {
                failures.Check(false, $"the upstream saw {string.Join(' ', violation.Split(' ').Take(2))}", $"{violation} at {context}");
            }
            var key = answer.Statuses.Count == 0 ? "closed" : string.Join('+', answer.Statuses);
            statuses[key] = statuses.GetValueOrDefault(key) + 1;
            previous = $"case {i}: {request.Show()}";
            if (i % 100 == 99)
            {
                Assert.Equal(200, (await daemon.Gate.AdminGetAsync("/healthz")).Status);
            }
        }
        var summary = $"{Cases} cases, seed {Seed}; answers: {string.Join(", ", statuses.Select(s => $"{s.Key} ×{s.Value}"))}";
        output.WriteLine(summary);
        Assert.True(failures.Count == 0, $"{summary}\n{failures}");
        // The generator must reach both sides: plenty refused, plenty forwarded.
        Assert.True(statuses.GetValueOrDefault("400") > Cases / 10, summary);
        Assert.True(daemon.Answered > Cases / 10, $"only {daemon.Answered} requests reached the upstream; {summary}");
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Shorten(string text) => text.Length <= 800 ? text : $"{text[..800]}… ({text.Length} characters)";

    [GeneratedRegex(@"\r?\nX-Upstream-Seq: \d+\r?\n")]
    private static partial Regex UpstreamSeq();

    public sealed class Daemon : FeatureDaemon
    {
        private int _answered;
        private int _inFlight;

        /// <summary>Requests the upstream has started and not yet answered.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>Waits (up to 5 s) until the upstream has answered everything it started.</summary>
        public async Task SettleAsync()
        {
            for (var i = 0; i < 100 && InFlight > 0; i++)
            {
                await Task.Delay(50);
            }
        }

        /// <summary>What reached the upstream that never should: a request the gate did not frame (no X-Forwarded-For,
        /// which the gate always sets: a smuggled one), a dot segment, a spoofed or underscore header.</summary>
        public System.Collections.Concurrent.ConcurrentQueue<string> Violations { get; } = new();

        /// <summary>Requests the upstream answered (each answer carries its sequence number).</summary>
        public int Answered => Volatile.Read(ref _answered);

        protected override async Task<string> StartServersAsync()
        {
            var upstream = Own(await LoopbackServer.StartAsync(AnswerAsync));
            return Manifests.Header + $$"""
                upstreams:
                  app: { targets: ["{{upstream.Address}}"] }
                hosts:
                  fuzz:
                    domains: [fuzz.test]
                    upstream: app
                    maxBodySize: 1MB
                    locations:
                      - { path: /loc, upstream: app, stripPrefix: true }
                  other:
                    domains: [other.test]
                    respond: { body: "other" }
                """;
        }

        private async Task AnswerAsync(HttpContext context)
        {
            Interlocked.Increment(ref _inFlight);
            try
            {
                await InspectAsync(context);
                context.Response.Headers["X-Upstream-Seq"] = Interlocked.Increment(ref _answered).ToString(CultureInfo.InvariantCulture);
                await context.Response.WriteAsync("ok");
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        private async Task InspectAsync(HttpContext context)
        {
            // The whole body is read, as an application would, so framing mistakes would surface here.
            await context.Request.Body.CopyToAsync(Stream.Null);
            var path = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget.Split('?')[0];
            if (path.Split('/').Any(s => PathGenerator.Decoded("/" + s).TrimStart('/') is "." or "..") ||
                PathGenerator.Decoded(path) != PathGenerator.Decoded(PathGenerator.Normalized(path)))
            {
                Violations.Enqueue($"the path {path}");
            }
            if (!context.Request.Headers.ContainsKey("X-Forwarded-For"))
            {
                Violations.Enqueue($"a request the gate did not frame: {context.Request.Method} {path}");
            }
            foreach (var (name, value) in context.Request.Headers)
            {
                if (name.Contains('_') || value.ToString().Contains("6.6.6.6", StringComparison.Ordinal))
                {
                    Violations.Enqueue($"the header {name}: {value}");
                }
            }
        }
    }
}
