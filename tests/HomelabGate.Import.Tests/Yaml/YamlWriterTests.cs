using HomelabGate.Import.Yaml;
using YamlDotNet.RepresentationModel;

namespace HomelabGate.Import.Tests.Yaml;

/// <summary>Whatever NPM's data holds, the YAML written reads back (with a real YAML parser) as exactly those strings.</summary>
public sealed class YamlWriterTests
{
    [Theory]
    [InlineData("media.lab.test")]
    [InlineData("*.lab.test")]
    [InlineData("true")]
    [InlineData("No")]
    [InlineData("null")]
    [InlineData("8080")]
    [InlineData("0.0.0.0:80")]
    [InlineData("2222:22")]
    [InlineData("http://10.20.0.11:8096/a?b=c&d=e")]
    [InlineData("${file:/run/secrets/x}")]
    [InlineData("a: b")]
    [InlineData("value # not a comment")]
    [InlineData("#hash")]
    [InlineData("- dash")]
    [InlineData("[x, y]")]
    [InlineData("quote \" and back\\slash")]
    [InlineData("line one\nline two\ttab")]
    [InlineData("  padded  ")]
    [InlineData("")]
    [InlineData("&anchor")]
    [InlineData("%percent")]
    [InlineData("ünïcödé ✓")]
    public void Hostile_strings_round_trip_as_keys_values_and_list_items(string text)
    {
        var root = new YamlMap();
        root.Add(text, text);
        var list = new YamlSequence();
        list.Items.Add(YamlScalar.String(text));
        list.Items.Add(YamlScalar.String("plain"));
        root.Add("list", list);
        var read = Read(new YamlWriter().Write(root, ["header"]));
        Assert.Equal(text, ((YamlScalarNode)read.Children[new YamlScalarNode(text)]).Value);
        Assert.Equal(text, ((YamlScalarNode)((YamlSequenceNode)read.Children[new YamlScalarNode("list")]).Children[0]).Value);
    }

    [Fact]
    public void A_commented_out_entry_keeps_its_shape_behind_the_marks_and_comments_stay_in_place()
    {
        var root = new YamlMap();
        var hosts = root.Map("hosts");
        var on = new YamlMap();
        on.Add("to", "http://a:1").Comment("why");
        hosts.Add("web", on);
        var off = new YamlMap();
        off.Add("to", "http://b:2");
        hosts.Add("old", off).Comment("Disabled").CommentedOut = true;
        hosts.Footer.Add("the end");
        Assert.Equal("# h\nhosts:\n  web:\n    # why\n    to: http://a:1\n  # Disabled\n  # old:\n  #   to: http://b:2\n  # the end\n", new YamlWriter().Write(root, ["h"]));
    }

    private static YamlMappingNode Read(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
