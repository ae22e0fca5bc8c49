using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Validation;

/// <summary>The rules behind issue 12's defaults: htpasswd's hashes accepted with a warning, error pages that exist and
/// are small, a host's health check only where it has a target, and the idle limit of upgraded connections.</summary>
public sealed class ProxyDefaultsRuleTests
{
    private static IReadOnlyList<Diagnostic> Diagnostics(string yaml) => ManifestFixture.Load(yaml).Diagnostics;

    private static IReadOnlyList<Diagnostic> FromFile(TempDirectory folder, string yaml)
    {
        var path = Path.Combine(folder.Path, "homelab.yaml");
        File.WriteAllText(path, yaml);
        return ManifestFixture.Loader.Load(path).Diagnostics;
    }

    [Theory]
    [InlineData("$apr1$AGsoS7Gi$nPhRnWUG72wTMMcPFHxOZ/", "Apache MD5 ($apr1$)")]
    [InlineData("\"{SHA}4/8EauNSRAt2M2wN8hy6sNnX6do=\"", "{SHA}")]
    public void Accepts_htpasswds_own_hashes_with_a_warning_that_recommends_bcrypt(string hash, string kind)
    {
        var result = ManifestFixture.Load($"version: 1\naccessLists:\n  lan: {{ users: {{ alice: '{hash.Trim('"')}' }} }}\n");

        var warning = Assert.Single(result.Diagnostics);
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal(DiagnosticCodes.LegacyPasswordHash, warning.Code);
        Assert.Contains(kind, warning.Summary, StringComparison.Ordinal);
        Assert.Contains("bcrypt", warning.Hint, StringComparison.Ordinal);
        Assert.Equal(3, warning.Location!.Line);
    }

    [Fact]
    public void Names_a_hash_kind_it_cannot_check_instead_of_calling_it_a_plain_password()
    {
        var error = Assert.Single(Diagnostics("version: 1\naccessLists:\n  lan: { users: { alice: '$1$saltsalt$2vnaRpHa6Jxjz5n83ok8Z0' } }\n"));

        Assert.Equal(DiagnosticCodes.InlineSecret, error.Code);
        Assert.Contains("MD5-crypt ($1$)", error.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain("plain password", error.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_page_that_exists_and_is_small_is_accepted_wherever_it_is_named()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "pages"));
        File.WriteAllText(Path.Combine(folder.Path, "pages", "502.html"), "<h1>down</h1>");

        var diagnostics = FromFile(folder, "version: 1\nsettings:\n  errorPages: { 502: pages/502.html }\nhosts:\n  a:\n    domains: [a.test]\n    to: http://10.0.0.1:80\n    errorPages: { 502: ./pages/502.html }\n");

        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_missing_a_folder_or_a_too_large_error_page_is_an_error_at_its_line()
    {
        using var folder = new TempDirectory();
        Directory.CreateDirectory(Path.Combine(folder.Path, "pages"));
        File.WriteAllBytes(Path.Combine(folder.Path, "big.html"), new byte[65 * 1024]);

        var errors = FromFile(folder, "version: 1\nsettings:\n  errorPages:\n    502: missing.html\n    503: pages\n    504: big.html\n");

        Assert.All(errors, e => Assert.Equal(DiagnosticCodes.ErrorPage, e.Code));
        Assert.Equal([(4, "does not exist"), (5, "is a folder"), (6, "is 65KB; the limit is 64KB")],
            errors.Select(e => (e.Location!.Line, Problem(e.Summary))).ToList());
        Assert.Contains(folder.Path, errors[0].Hint, StringComparison.Ordinal);
    }

    private static string Problem(string summary) => new[] { "does not exist", "is a folder", "is 65KB; the limit is 64KB" }.First(p => summary.Contains(p, StringComparison.Ordinal));

    [Fact]
    public void Only_the_statuses_the_gate_answers_itself_can_have_a_page()
    {
        var error = Assert.Single(Diagnostics("version: 1\nsettings:\n  errorPages: { 500: x.html }\n"), d => d.IsError);

        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
    }

    [Fact]
    public void A_host_health_check_needs_a_to_and_points_a_pool_user_at_the_pool()
    {
        var error = Assert.Single(Diagnostics("version: 1\nupstreams:\n  media: { targets: [\"http://a:1\"] }\nhosts:\n  j:\n    domains: [j.test]\n    upstream: media\n    healthCheck: { path: /health }\n"));

        Assert.Equal(DiagnosticCodes.HostAction, error.Code);
        Assert.Equal("move it to upstreams.media.healthCheck", error.Hint);
        Assert.Equal(8, error.Location!.Line);
    }

    [Fact]
    public void A_host_with_to_may_have_its_own_health_check()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  j:\n    domains: [j.test]\n    to: http://10.0.0.5:8096\n    healthCheck: { path: /health, interval: 5s, expectStatus: 200-399 }\n");

        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
    }

    [Theory]
    [InlineData("0s", true)]
    [InlineData("8d", true)]
    [InlineData("1h", false)]
    public void The_idle_limit_of_upgraded_connections_is_from_one_second_to_seven_days(string idle, bool refused)
    {
        var diagnostics = Diagnostics($"version: 1\nupstreams:\n  media: {{ targets: [\"http://a:1\"], timeouts: {{ idleUpgraded: {idle} }} }}\n");

        Assert.Equal(refused, diagnostics.Any(d => d.IsError));
    }
}
