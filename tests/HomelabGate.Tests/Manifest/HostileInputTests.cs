using System.Text;
using HomelabGate.Core.Diagnostics;

namespace HomelabGate.Tests.Manifest;

/// <summary>Input that crashed or misled the loader (issue 11): each is refused with one located diagnostic, in time.</summary>
public sealed class HostileInputTests
{
    private static Diagnostic Single(byte[] bytes)
    {
        var result = ManifestFixture.Loader.Load(bytes, "homelab.yaml");
        Assert.False(result.Succeeded);
        return Assert.Single(result.Diagnostics);
    }

    private static Diagnostic Single(string yaml) => Single(Encoding.UTF8.GetBytes(yaml));

    private static void AssertAt(Diagnostic diagnostic, string code, string summary, int line, int column)
    {
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(summary, diagnostic.Summary);
        Assert.Equal(new SourceLocation("homelab.yaml", line, column), diagnostic.Location);
    }

    [Fact]
    public void Refuses_an_alias_inside_its_own_anchor_instead_of_overflowing_the_stack() =>
        AssertAt(Single("version: 1\nhosts: &a [*a]\n"), DiagnosticCodes.InvalidAlias, "alias *a refers to the value it is part of (a cycle)", 2, 12);

    [Fact]
    public void Refuses_an_alias_without_an_anchor() =>
        AssertAt(Single("version: 1\nhosts: *nope\n"), DiagnosticCodes.InvalidAlias, "alias *nope has no anchor &nope before it", 2, 8);

    [Theory]
    [InlineData(40)]
    [InlineData(100_000)]
    public void Refuses_flow_nesting_deeper_than_32_levels_where_it_passes_the_limit(int depth)
    {
        var diagnostic = Single("version: 1\nhosts: " + new string('[', depth) + new string(']', depth) + "\n");

        // The root mapping is level 1, so the 32nd '[' (column 8 + 31) opens level 33.
        AssertAt(diagnostic, DiagnosticCodes.NestingTooDeep, "the manifest nests deeper than 32 levels", 2, 39);
    }

    [Fact]
    public void Refuses_an_alias_that_would_nest_a_deep_value_past_the_limit()
    {
        var deep = new string('[', 20) + new string(']', 20);
        var diagnostic = Single($"version: 1\na: &d {deep}\nb: {new string('[', 15)}*d{new string(']', 15)}\n");

        AssertAt(diagnostic, DiagnosticCodes.NestingTooDeep, "the manifest nests deeper than 32 levels", 3, 19);
    }

    [Fact]
    public void Refuses_a_mapping_or_list_as_a_key() =>
        AssertAt(Single("version: 1\n? [a, b]\n: c\n"), DiagnosticCodes.ComplexKey, "a key must be a plain value, not a list or a mapping", 2, 3);

    [Fact]
    public void Refuses_a_key_repeated_through_an_alias() =>
        AssertAt(Single("version: 1\n&k hosts: {}\n*k : {}\n"), DiagnosticCodes.DuplicateKey, "a key is defined twice in the same mapping", 3, 1);

    [Theory]
    [InlineData("\uFEFFversion: 1\n", "utf-16le", "the manifest is saved as UTF-16 (little-endian); HomelabGate reads UTF-8")]
    [InlineData("\uFEFFversion: 1\n", "utf-16BE", "the manifest is saved as UTF-16 (big-endian); HomelabGate reads UTF-8")]
    [InlineData("\uFEFFversion: 1\n", "utf-32", "the manifest is saved as UTF-32 (little-endian); HomelabGate reads UTF-8")]
    [InlineData("version: 1\nhosts: {}\n", "utf-16le", "the manifest looks like UTF-16 or UTF-32 without a byte-order mark; HomelabGate reads UTF-8")]
    public void Names_a_utf16_or_utf32_file_as_such(string text, string encoding, string summary) =>
        AssertAt(Single(Encoding.GetEncoding(encoding).GetBytes(text)), DiagnosticCodes.UnsupportedEncoding, summary, 1, 1);

    [Theory]
    [InlineData("\u001b", "a control character (U+001B)")]
    [InlineData("\0", "a control character (U+0000)")]
    [InlineData("\u2028", "a Unicode line separator that YAML parsers disagree on (U+2028)")]
    [InlineData("\u0085", "a Unicode line separator that YAML parsers disagree on (U+0085)")]
    [InlineData("\uFEFF", "a byte-order mark in the middle of the file (two files joined?) (U+FEFF)")]
    public void Refuses_invisible_characters_at_their_position(string character, string what) =>
        AssertAt(Single($"version: 1\nhosts:\n  a: {{ domains: [a.test], respond: {{ body: \"x{character}y\" }} }}\n"),
            DiagnosticCodes.ControlCharacter, $"the manifest contains {what}", 3, 46);

    [Theory]
    [InlineData("\r")]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Counts_lines_the_same_for_every_line_ending(string ending)
    {
        var yaml = string.Join(ending, "version: 1", "hosts:", "  a:", "    domains: [a.test]", "    upstrem: x", "");
        var result = ManifestFixture.Loader.Load([.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(yaml)], "homelab.yaml");

        var unknown = Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey);
        Assert.Equal(new SourceLocation("homelab.yaml", 5, 5), unknown.Location);
        Assert.Equal("    upstrem: x", result.Source!.Line(5));
    }

    [Fact]
    public void Counts_mixed_line_endings_as_an_editor_does()
    {
        var result = ManifestFixture.Load("version: 1\r\nhosts:\r  a:\n    domains: [a.test]\r\n    upstrem: x\n");

        Assert.Equal(new SourceLocation("homelab.yaml", 5, 5), Assert.Single(result.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey).Location);
    }

    [Fact]
    public void Points_at_the_tab_that_indents_a_line() =>
        AssertAt(Single("version: 1\n\thosts: {}\n"), DiagnosticCodes.YamlSyntax, "YAML syntax error: a tab is used for indentation", 2, 1);

    [Fact]
    public void Keeps_an_error_at_the_end_of_the_file_inside_the_file()
    {
        var diagnostic = Single("version: 1\nhosts: [\n");

        Assert.Equal(DiagnosticCodes.YamlSyntax, diagnostic.Code);
        Assert.Equal(new SourceLocation("homelab.yaml", 3, 1), diagnostic.Location);
    }

    [Fact]
    public void Treats_a_str_tag_as_a_string_and_explains_merge_keys()
    {
        Assert.True(ManifestFixture.Load("version: 1\nhosts:\n  a: { domains: [a.test], respond: { body: !!str 5 } }\n").Succeeded);

        var merge = ManifestFixture.Load("version: 1\nhosts:\n  a:\n    domains: [a.test]\n    <<: { to: http://a:1 }\n");
        Assert.Equal("YAML merge keys (<<: *alias) are not supported; write the keys out, or repeat a whole value with one alias",
            Assert.Single(merge.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey).Hint);
    }

    [Fact]
    public void Refuses_a_duration_no_timespan_holds_instead_of_overflowing()
    {
        var error = Assert.Single(ManifestFixture.Load("version: 1\nhosts:\n  a: { domains: [a.test], to: http://a:1, timeout: 99999999999999999999d }\n").Diagnostics);

        AssertAt(error, DiagnosticCodes.OutOfRange, "'hosts.a.timeout' is 99999999999999999999d, which is not a duration HomelabGate can use", 3, 52);
    }
}
