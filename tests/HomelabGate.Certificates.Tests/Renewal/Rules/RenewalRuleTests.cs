using HomelabGate.Core.Engine;
using HomelabGate.Core.Desired;
using HomelabGate.Certificates.Issuing;
using HomelabGate.Certificates.Keys;
using HomelabGate.Certificates.Renewal;
using HomelabGate.Certificates.Renewal.Rules;
using HomelabGate.Certificates.Storage;
using Microsoft.Extensions.Time.Testing;
using TestCertificates = HomelabGate.Certificates.Tests.Support.Certificates;

namespace HomelabGate.Certificates.Tests.Renewal.Rules;

public sealed class RenewalRuleTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Start);
    private readonly TestCertificates _certs = new(Start);
    private readonly LeafCertificateRequest _request = new("nas", ["nas.home.test"]);

    private RenewalContext Context(StoredCertificateRead stored, LeafCertificateRequest? request = null) =>
        new(request ?? _request, stored, _certs.Intermediate);

    private RenewalContext Stored(StoredCertificate certificate, LeafCertificateRequest? request = null) =>
        Context(StoredCertificateRead.Found(certificate), request);

    [Fact]
    public void Missing_rule_triggers_issuance_when_nothing_is_stored()
    {
        Assert.Equal(RenewalReasonCode.Missing, new MissingRule().Evaluate(Context(StoredCertificateRead.Missing))?.Code);
        Assert.Null(new MissingRule().Evaluate(Stored(_certs.Leaf(["nas.home.test"]))));
    }

    [Fact]
    public void Unreadable_rule_passes_on_the_stores_explanation()
    {
        var reason = new UnreadableRule().Evaluate(Context(StoredCertificateRead.Unreadable("'/x/cert.pem' is damaged")));

        Assert.Equal(new RenewalReason(RenewalReasonCode.Unreadable, "'/x/cert.pem' is damaged"), reason);
        Assert.Null(new UnreadableRule().Evaluate(Context(StoredCertificateRead.Missing)));
    }

    [Fact]
    public void Key_rule_triggers_issuance_when_the_key_belongs_to_another_certificate()
    {
        var leaf = _certs.Leaf(["nas.home.test"]);
        var mixedUp = leaf with { Key = PrivateKey.Generate(KeyType.EcdsaP256) };

        Assert.Equal(RenewalReasonCode.KeyDoesNotMatchCertificate, new KeyDoesNotMatchCertificateRule().Evaluate(Stored(mixedUp))?.Code);
        Assert.Null(new KeyDoesNotMatchCertificateRule().Evaluate(Stored(leaf)));
    }

    [Fact]
    public void Key_algorithm_rule_triggers_issuance_when_rsa_is_requested_for_an_ecdsa_certificate()
    {
        var leaf = _certs.Leaf(["nas.home.test"]);

        var reason = new KeyAlgorithmDiffersRule().Evaluate(Stored(leaf, _request with { KeyAlgorithm = KeyType.Rsa3072 }));

        Assert.Equal("the key is EcdsaP256, but Rsa3072 is requested", reason?.Message);
        Assert.Null(new KeyAlgorithmDiffersRule().Evaluate(Stored(leaf)));
    }

    [Theory]
    [InlineData(new[] { "nas.home.test" }, null)]
    [InlineData(new[] { "NAS.home.test." }, null)]
    [InlineData(new[] { "nas.home.test", "nas.home.test" }, null)]
    [InlineData(new[] { "nas.home.test", "10.0.0.2" }, "the certificate covers [nas.home.test], but [nas.home.test, 10.0.0.2] is requested")]
    [InlineData(new[] { "*.home.test" }, "the certificate covers [nas.home.test], but [*.home.test] is requested")]
    public void San_rule_compares_names_without_regard_to_case_order_or_duplicates(string[] requested, string? expected)
    {
        var reason = new SubjectAlternativeNamesDifferRule().Evaluate(Stored(_certs.Leaf(["nas.home.test"]), _request with { Domains = requested }));

        Assert.Equal(expected, reason?.Message);
    }

    [Fact]
    public void Issuer_rule_triggers_issuance_after_the_intermediate_was_replaced()
    {
        var leaf = _certs.Leaf(["nas.home.test"]);
        var rotated = new RenewalContext(_request, StoredCertificateRead.Found(leaf), _certs.NewIntermediate());

        Assert.Equal(RenewalReasonCode.IssuerChanged, new IssuerChangedRule().Evaluate(rotated)?.Code);
        Assert.Null(new IssuerChangedRule().Evaluate(Stored(leaf)));
    }

    [Fact]
    public void Near_expiry_rule_fires_exactly_when_a_third_of_the_lifetime_is_left()
    {
        var rule = new NearingExpiryRule(_clock, new RenewalWindow());
        var context = Stored(_certs.Leaf(["nas.home.test"], TimeSpan.FromDays(90)));

        _clock.Advance(TimeSpan.FromDays(60) - TimeSpan.FromSeconds(1));
        Assert.Null(rule.Evaluate(context));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(RenewalReasonCode.NearingExpiry, rule.Evaluate(context)?.Code);
    }

    [Fact]
    public void Expired_rule_fires_at_not_after()
    {
        var rule = new ExpiredRule(_clock);
        var context = Stored(_certs.Leaf(["nas.home.test"], TimeSpan.FromDays(90)));

        _clock.Advance(TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        Assert.Null(rule.Evaluate(context));
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal("the certificate expired at 2026-05-30 00:00:00Z", rule.Evaluate(context)?.Message);
    }

    [Fact]
    public void Policy_reports_an_expired_certificate_as_expired_not_as_nearing_expiry()
    {
        var policy = new RenewalPolicyFactory(_clock).Create([new RenewalPolicyFactory(_clock).ByLifetime()]);
        _clock.Advance(TimeSpan.FromDays(100));

        Assert.Equal(RenewalReasonCode.Expired, policy.Evaluate(Stored(_certs.Leaf(["nas.home.test"])))?.Code);
    }

    [Fact]
    public void Policy_returns_null_for_a_fresh_matching_certificate()
    {
        var policy = new RenewalPolicyFactory(_clock).Create([new RenewalPolicyFactory(_clock).ByLifetime()]);

        Assert.Null(policy.Evaluate(Stored(_certs.Leaf(["nas.home.test"]))));
    }

    [Fact]
    public void A_certificate_valid_only_from_a_future_moment_is_due_as_not_yet_valid()
    {
        var leaf = _certs.Leaf(["nas.home.test"]);
        var early = new FakeTimeProvider(new DateTimeOffset(leaf.Leaf.NotBefore.ToUniversalTime()) - NotYetValidRule.Slack - TimeSpan.FromSeconds(1));

        var reason = new RenewalPolicyFactory(early).Create([]).Evaluate(Stored(leaf));

        Assert.Equal(RenewalReasonCode.NotYetValid, reason?.Code);
        Assert.Contains("was the clock wrong", reason!.Message);
    }

    [Fact]
    public void A_certificate_valid_a_few_minutes_from_now_is_within_the_slack_for_slow_clocks()
    {
        var leaf = _certs.Leaf(["nas.home.test"]);
        var early = new FakeTimeProvider(new DateTimeOffset(leaf.Leaf.NotBefore.ToUniversalTime()) - NotYetValidRule.Slack + TimeSpan.FromSeconds(1));

        Assert.Null(new NotYetValidRule(early).Evaluate(Stored(leaf)));
    }

    [Fact]
    public void Policy_stops_at_the_first_reason()
    {
        var policy = new RenewalPolicy([new MissingRule(), new ThrowingRule()]);

        Assert.Equal(RenewalReasonCode.Missing, policy.Evaluate(Context(StoredCertificateRead.Missing))?.Code);
    }

    private sealed class ThrowingRule : IRenewalRule
    {
        public RenewalReason? Evaluate(RenewalContext context) => throw new InvalidOperationException("must not run");
    }

    public void Dispose() => _certs.Dispose();
}
