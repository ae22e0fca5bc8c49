using System.Text.Json;
using HomelabGate.Acme.Errors;

namespace HomelabGate.Acme.Tests.Errors;

public sealed class AcmeProblemTests
{
    private static AcmeProblem Parse(string json) =>
        JsonSerializer.Deserialize<AcmeProblem>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    [Fact]
    public void A_problem_document_with_subproblems_reads_as_one_sentence_per_identifier()
    {
        // The RFC 8555 §6.7.1 example.
        var problem = Parse("""
            {
              "type": "urn:ietf:params:acme:error:malformed",
              "detail": "Some of the identifiers requested were rejected",
              "subproblems": [
                { "type": "urn:ietf:params:acme:error:malformed", "detail": "Invalid underscore in DNS name \"_example.org\"",
                  "identifier": { "type": "dns", "value": "_example.org" } },
                { "type": "urn:ietf:params:acme:error:rejectedIdentifier", "detail": "This CA will not issue for \"example.net\"",
                  "identifier": { "type": "dns", "value": "example.net" } }
              ]
            }
            """);

        var error = new AcmeProblemException(problem);

        Assert.Equal(
            "the CA rejected the request as malformed: Some of the identifiers requested were rejected; "
            + "_example.org: the CA rejected the request as malformed: Invalid underscore in DNS name \"_example.org\"; "
            + "example.net: the CA will not issue certificates for this name: This CA will not issue for \"example.net\"",
            error.Message);
        Assert.Equal("malformed", problem.ShortType);
        Assert.Equal(2, problem.Subproblems.Count);
        Assert.False(error.IsTransient);
    }

    [Fact]
    public void A_rate_limit_says_when_to_retry_and_is_transient()
    {
        var problem = Parse("""{"type":"urn:ietf:params:acme:error:rateLimited","detail":"too many certificates for home.test","status":429}""");

        var error = new AcmeProblemException(problem, TimeSpan.FromMinutes(90));

        Assert.Equal("the CA's rate limit was reached (retry after 90 min): too many certificates for home.test", error.Message);
        Assert.True(error.IsTransient);
        Assert.Equal(TimeSpan.FromMinutes(90), error.RetryAfter);
    }

    [Theory]
    [InlineData("badNonce", true)]
    [InlineData("rateLimited", true)]
    [InlineData("serverInternal", true)]
    [InlineData("dns", true)]
    [InlineData("connection", true)]
    [InlineData("malformed", false)]
    [InlineData("unauthorized", false)]
    [InlineData("rejectedIdentifier", false)]
    [InlineData("badCSR", false)]
    [InlineData("externalAccountRequired", false)]
    [InlineData("caa", false)]
    public void Problems_are_classified_as_transient_or_permanent(string type, bool transient)
    {
        Assert.Equal(transient, new AcmeProblem { Type = AcmeProblem.Namespace + type }.IsTransient);
    }

    [Fact]
    public void A_foreign_problem_type_with_a_server_error_status_is_transient_and_named_as_is()
    {
        var problem = new AcmeProblem { Type = "https://proxy.test/problems/overloaded", Status = 503 };

        Assert.True(problem.IsTransient);
        Assert.Equal("the CA reported a problem (https://proxy.test/problems/overloaded)", AcmeProblemDescriber.Describe(problem));
    }
}
