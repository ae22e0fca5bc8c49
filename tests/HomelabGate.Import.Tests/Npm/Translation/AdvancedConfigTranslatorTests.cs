using HomelabGate.Import.Npm.Translation;

namespace HomelabGate.Import.Tests.Npm.Translation;

public sealed class AdvancedConfigTranslatorTests
{
    [Fact]
    public void Upload_size_headers_and_buffering_switches_are_translated()
    {
        var config = AdvancedConfigTranslator.Translate("client_max_body_size 10G;\nproxy_request_buffering off; # big uploads\nadd_header X-Frame-Options \"DENY\" always;\nproxy_set_header X-Real-Proto https;\nproxy_set_header Accept-Encoding \"\";\nproxy_hide_header X-Powered-By;");
        Assert.Equal("10GB", config.MaxBodySize);
        Assert.Equal([("X-Frame-Options", "DENY")], config.ResponseAdd);
        Assert.Equal([("X-Real-Proto", "https")], config.RequestAdd);
        Assert.Equal(["Accept-Encoding"], config.RequestRemove);
        Assert.Equal(["X-Powered-By"], config.ResponseRemove);
        Assert.Empty(config.Untranslated);
        Assert.Equal(6, config.Translated.Count);
    }

    [Theory]
    [InlineData("location /api { proxy_pass http://x; }")]
    [InlineData("proxy_set_header X-Forwarded-Host $host;")]
    [InlineData("client_max_body_size 0;")]
    [InlineData("proxy_read_timeout 600s;")]
    public void Blocks_variables_unlimited_sizes_and_unknown_directives_stay_untranslated(string text)
    {
        var config = AdvancedConfigTranslator.Translate(text);
        Assert.NotEmpty(config.Untranslated);
        Assert.Empty(config.Translated);
        Assert.Null(config.MaxBodySize);
    }

    [Fact]
    public void A_credential_in_a_directive_is_never_shown_or_translated()
    {
        var config = AdvancedConfigTranslator.Translate("proxy_set_header Authorization \"Basic c2VjcmV0OnBhc3M=\";");
        Assert.Empty(config.RequestAdd);
        var shown = Assert.Single(config.Untranslated);
        Assert.DoesNotContain("c2VjcmV0", shown, StringComparison.Ordinal);
        Assert.Contains("value hidden", shown, StringComparison.Ordinal);
    }
}
