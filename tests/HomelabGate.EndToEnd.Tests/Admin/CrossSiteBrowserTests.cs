using HomelabGate.EndToEnd.Tests.Features;
using HomelabGate.EndToEnd.Tests.Harness;
using HomelabGate.EndToEnd.Tests.Observability;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Admin;

/// <summary>Headless Chromium as the victim's browser: a page on another origin posts to the admin listener the ways a
/// page can (a text/plain form, a no-cors fetch, a fetch with the custom header), and a name re-pointed at 127.0.0.1
/// (DNS rebinding, simulated with Chromium's own resolver rules) asks for the status.</summary>
public sealed class CrossSiteBrowserTests(CrossSiteBrowserTests.Daemon daemon) : IClassFixture<CrossSiteBrowserTests.Daemon>
{
    private GateProcess Gate => daemon.Gate;

    [Fact]
    public async Task A_page_on_another_origin_cannot_make_the_browser_trigger_a_reconcile()
    {
        var before = await Gate.LastReconcileAsync();
        await using var browser = await HeadlessBrowser.LaunchAsync();
        var page = await browser.NewDesktopPageAsync();

        await page.GotoAsync($"{daemon.Attacker.Address}/fetch.html");
        await page.WaitForFunctionAsync("document.title.startsWith('done')");
        var fetches = await page.TitleAsync();
        await page.GotoAsync($"{daemon.Attacker.Address}/form.html");
        await page.WaitForURLAsync(Gate.AdminUrl("/api/reconcile").ToString());
        var formAnswer = await page.InnerTextAsync("body");

        // The simple POST is sent (its answer is opaque to the page); the one with the custom header never passes
        // the preflight; the form's POST arrives and is refused, which the browser shows.
        Assert.Equal("done simple:sent custom:blocked", fetches);
        Assert.Contains("forbidden: a state-changing request needs the header 'X-HomelabGate: 1'", formAnswer);
        await Gate.AssertNoReconcilePostSinceAsync(before);
        Assert.Equal(2, daemon.PagesServed);
    }

    [Fact]
    public async Task A_name_rebound_to_the_admin_address_gets_a_misdirected_answer_in_the_browser()
    {
        await using var browser = await HeadlessBrowser.LaunchAsync("--host-resolver-rules=MAP rebind.example 127.0.0.1");
        var page = await browser.NewDesktopPageAsync();

        var response = await page.GotoAsync($"http://rebind.example:{Gate.Workspace.Ports.Admin}/api/status");

        Assert.Equal(421, response!.Status);
        Assert.StartsWith("misdirected:", await page.InnerTextAsync("body"));
    }

    public sealed class Daemon : FeatureDaemon
    {
        private int _pages;

        public LoopbackServer Attacker { get; private set; } = null!;

        public int PagesServed => Volatile.Read(ref _pages);

        protected override async Task<string> StartServersAsync()
        {
            Attacker = Own(await LoopbackServer.StartAsync(ServePageAsync));
            return Manifests.Header + "hosts: {}\n";
        }

        private Task ServePageAsync(HttpContext context)
        {
            var target = $"http://{Workspace.Ports.AdminAddress}/api/reconcile";
            var body = context.Request.Path.Value switch
            {
                "/fetch.html" => $$"""
                    <!doctype html><title>running</title><script>
                    (async () => {
                      const r = ['done'];
                      try { await fetch('{{target}}', { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: 'x' }); r.push('simple:sent'); }
                      catch (e) { r.push('simple:error'); }
                      try { const a = await fetch('{{target}}', { method: 'POST', headers: { 'X-HomelabGate': '1' }, body: 'x' }); r.push('custom:' + a.status); }
                      catch (e) { r.push('custom:blocked'); }
                      document.title = r.join(' ');
                    })();
                    </script>
                    """,
                "/form.html" => $"""
                    <!doctype html><title>form</title>
                    <form id="f" method="POST" enctype="text/plain" action="{target}"><input name="x" value="y"></form>
                    <script>document.getElementById('f').submit();</script>
                    """,
                _ => null,
            };
            if (body is null)
            {
                context.Response.StatusCode = 404;
                return Task.CompletedTask;
            }
            Interlocked.Increment(ref _pages);
            context.Response.ContentType = "text/html; charset=utf-8";
            return context.Response.WriteAsync(body);
        }
    }
}
