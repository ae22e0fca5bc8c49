using System.Text;
using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Manifest;

public sealed class ManifestLoaderTests
{
    private static Diagnostic Single(string yaml, string code)
    {
        var result = ManifestFixture.Load(yaml);
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics, d => d.Code == code);
    }

    [Fact]
    public void Loads_a_valid_manifest_with_its_hash()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  a: { domains: [a.test], respond: { status: 204 } }\n");
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        Assert.Equal(204, result.Manifest!.Spec.Hosts["a"].Respond!.Status);
        Assert.Equal(64, result.Manifest.ContentHash.Length);
    }

    [Fact]
    public void Reports_a_yaml_syntax_error_at_its_line_and_column()
    {
        var diagnostic = Single("version: 1\nhosts:\n  a:\n    domains: [a.test\n", DiagnosticCodes.YamlSyntax);
        Assert.Equal(5, diagnostic.Location!.Line);
        Assert.Equal("homelab.yaml", diagnostic.Location.File);
    }

    [Fact]
    public void Reports_a_duplicate_key()
    {
        var diagnostic = Single("version: 1\nhosts: {}\nhosts: {}\n", DiagnosticCodes.DuplicateKey);
        Assert.Equal(3, diagnostic.Location!.Line);
    }

    [Fact]
    public void Reports_an_unknown_key_with_a_suggestion()
    {
        var diagnostic = Single("version: 1\nhosts:\n  a:\n    domains: [a.test]\n    upstrem: x\n", DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("homelab.yaml", 5, 5), diagnostic.Location);
        Assert.Equal("unknown key 'upstrem' in 'hosts.a'", diagnostic.Summary);
        Assert.Equal("did you mean 'upstream'?", diagnostic.Hint);
    }

    [Fact]
    public void Reports_a_wrong_type_at_the_value()
    {
        var diagnostic = Single("version: 1\nhosts:\n  a:\n    domains: 5\n    to: http://x:1\n", DiagnosticCodes.WrongType);
        Assert.Equal(new SourceLocation("homelab.yaml", 4, 14), diagnostic.Location);
        Assert.Contains("must be a list", diagnostic.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_a_value_outside_an_enumeration_with_the_allowed_values()
    {
        var diagnostic = Single("version: 1\nupstreams:\n  u: { targets: [\"http://a:1\"], loadBalancing: fastest }\n", DiagnosticCodes.ValueNotAllowed);
        Assert.Contains("round-robin, least-requests, random, power-of-two, first", diagnostic.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_an_unsupported_version()
    {
        Single("version: 2\n", DiagnosticCodes.UnsupportedVersion);
    }

    [Fact]
    public void Reports_every_schema_problem_at_once()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  a: { domains: [a.test], upsteam: x, to: http://a:1 }\n  b: { domains: 5, to: http://b:1 }\nupstreams:\n  u: { targets: [] }\n");
        Assert.Equal(3, result.Diagnostics.Count(d => d.IsError));
    }

    [Fact]
    public void Treats_yes_and_no_as_strings_not_booleans()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  a: { domains: [a.test], respond: { body: no } }\n");
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        Assert.Equal("no", result.Manifest!.Spec.Hosts["a"].Respond!.Body);
    }

    [Fact]
    public void Refuses_an_alias_bomb_instead_of_expanding_it()
    {
        var yaml = new StringBuilder("version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 9; i++)
        {
            yaml.Append($"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        }
        Single(yaml.ToString(), DiagnosticCodes.AliasExpansionLimit);
    }

    [Fact]
    public void Reports_bytes_that_are_not_utf8_with_their_position()
    {
        var bytes = Encoding.UTF8.GetBytes("version: 1\nhosts:\n  caf").Concat(new byte[] { 0xE9, 0x0A }).ToArray();
        var result = ManifestFixture.Loader.Load(bytes, "homelab.yaml");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidUtf8, diagnostic.Code);
        Assert.Equal(new SourceLocation("homelab.yaml", 3, 6), diagnostic.Location);
    }

    [Fact]
    public void Reports_an_empty_file()
    {
        Single("", DiagnosticCodes.EmptyDocument);
    }

    [Fact]
    public void Reports_several_yaml_documents()
    {
        Single("version: 1\n---\nversion: 1\n", DiagnosticCodes.MultipleDocuments);
    }

    [Fact]
    public void Reports_a_missing_file_and_a_directory_by_path()
    {
        var missing = ManifestFixture.Loader.Load("/nonexistent/homelab.yaml");
        Assert.Equal(DiagnosticCodes.FileNotFound, Assert.Single(missing.Diagnostics).Code);
        var directory = ManifestFixture.Loader.Load(Path.GetTempPath());
        Assert.Equal(DiagnosticCodes.PathIsDirectory, Assert.Single(directory.Diagnostics).Code);
    }

    [Fact]
    public void Refuses_a_file_over_the_size_limit_without_parsing_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"hg-huge-{Guid.NewGuid():N}.yaml");
        try
        {
            File.WriteAllText(path, "version: 1\n# " + new string('x', 2 * 1024 * 1024) + "\n");
            var result = ManifestFixture.Loader.Load(path);
            Assert.Equal(DiagnosticCodes.FileTooLarge, Assert.Single(result.Diagnostics).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

public sealed class ManifestLoaderRegressionTests
{
    [Fact]
    public void Reports_a_flow_list_left_open_before_the_next_key_instead_of_crashing()
    {
        var result = ManifestFixture.Load("version: 1\nhosts:\n  a:\n    domains: [alpha.test\n    to: http://x\n");
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal(HomelabGate.Core.Diagnostics.DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal(4, diagnostic.Location!.Line);
    }
}
