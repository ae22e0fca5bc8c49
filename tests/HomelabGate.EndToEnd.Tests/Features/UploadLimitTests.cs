using System.Globalization;
using HomelabGate.EndToEnd.Tests.Harness;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>Request bodies through the real daemon: without <c>maxBodySize</c> there is no limit (Kestrel's hidden
/// 30,000,000-byte default once answered a Nextcloud upload with an empty 413), large bodies stream through without
/// being held in memory, and a host's limit is answered 413 with a page that names it — before the upstream is asked
/// when the client announced the size.</summary>
public sealed class UploadLimitTests(UploadLimitTests.Daemon daemon) : IClassFixture<UploadLimitTests.Daemon>
{
    private const long Large = 128L << 20;

    private static async Task<(int Status, string Body)> UploadAsync(int port, string host, string pipeline)
    {
        var script = $"{pipeline} | curl -sS --noproxy '*' --max-time 120 -o - -w '\\n%{{http_code}}' -H 'Host: {host}' -H 'Accept: text/plain' -T - http://127.0.0.1:{port}/upload";
        var result = await ProcessRunner.RunAsync("bash", ["-c", script], timeout: TimeSpan.FromSeconds(150));
        Assert.True(result.ExitCode == 0, result.ToString());
        var split = result.StandardOutput.LastIndexOf('\n');
        return (int.Parse(result.StandardOutput[(split + 1)..], CultureInfo.InvariantCulture), result.StandardOutput[..split]);
    }

    private static long ResidentBytes(int pid) =>
        long.Parse(File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            CultureInfo.InvariantCulture) * 1024;

    [Fact]
    public async Task A_128_MiB_streamed_upload_reaches_the_upstream_whole_while_the_proxys_memory_stays_flat()
    {
        var gate = daemon.Gate;
        await UploadAsync(gate.Workspace.Ports.Proxy, "open.test", "head -c 1M /dev/zero");
        var before = ResidentBytes(gate.Pid);
        var peak = before;
        var upload = UploadAsync(gate.Workspace.Ports.Proxy, "open.test", $"head -c {Large} /dev/urandom");
        while (!upload.IsCompleted)
        {
            peak = Math.Max(peak, ResidentBytes(gate.Pid));
            await Task.WhenAny(upload, Task.Delay(50));
        }
        var (status, body) = await upload;

        Assert.Equal((200, $"received {Large}"), (status, body));
        // A proxy that buffered the body would grow by its size; streaming costs a few pooled buffers.
        Assert.True(peak - before < 48L << 20, $"resident memory grew by {(peak - before) >> 20} MiB during a {Large >> 20} MiB upload (from {before >> 20} MiB)");
    }

    [Fact]
    public async Task A_body_just_over_kestrels_old_default_with_a_content_length_is_passed_on()
    {
        var file = Path.Combine(daemon.Workspace.Root, "31MB.bin");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(31_000_000);
        }

        var (status, body) = await UploadAsync(daemon.Gate.Workspace.Ports.Proxy, "open.test", $"cat {file}");

        Assert.Equal((200, "received 31000000"), (status, body));
    }

    [Theory]
    [InlineData("head -c 4096 /dev/zero")]
    [InlineData("head -c 3000000 /dev/zero")]
    public async Task A_body_over_max_body_size_gets_413_with_a_page_naming_the_limit(string pipeline)
    {
        var (status, body) = await UploadAsync(daemon.Gate.Workspace.Ports.Proxy, "limited.test", pipeline);

        Assert.Equal(413, status);
        Assert.Contains("The request to limited.test is larger than it accepts: at most 2 KB.", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_over_the_limit_with_a_content_length_is_refused_before_the_upstream_is_asked()
    {
        var before = daemon.Limited.Requests;
        using var request = new HttpRequestMessage(HttpMethod.Post, daemon.Gate.ProxyUrl("/upload")) { Content = new ByteArrayContent(new byte[4096]) };
        request.Headers.Host = "limited.test";
        request.Headers.Accept.ParseAdd("text/html");

        using var response = await TestHttp.Client.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(413, (int)response.StatusCode);
        Assert.Contains("at most 2 KB", page, StringComparison.Ordinal);
        Assert.StartsWith("text/html", response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
        Assert.Equal(before, daemon.Limited.Requests);
    }

    public sealed class Daemon : FeatureDaemon
    {
        public LoopbackServer Limited { get; private set; } = null!;

        /// <summary>Counts what it receives, as an upload handler would store it; its own server has no limit either.</summary>
        private static async Task CountAsync(HttpContext context)
        {
            context.Features.Get<IHttpMaxRequestBodySizeFeature>()!.MaxRequestBodySize = null;
            var buffer = new byte[64 * 1024];
            long total = 0;
            int read;
            while ((read = await context.Request.Body.ReadAsync(buffer, context.RequestAborted)) > 0)
            {
                total += read;
            }
            await context.Response.WriteAsync($"received {total}");
        }

        protected override async Task<string> StartServersAsync()
        {
            var open = Own(await LoopbackServer.StartAsync(CountAsync));
            Limited = Own(await LoopbackServer.StartAsync(CountAsync));
            return Manifests.Header + $"""
                hosts:
                  open:
                    domains: [open.test]
                    to: {open.Address}
                  limited:
                    domains: [limited.test]
                    to: {Limited.Address}
                    maxBodySize: 2KB
                """;
        }
    }
}
