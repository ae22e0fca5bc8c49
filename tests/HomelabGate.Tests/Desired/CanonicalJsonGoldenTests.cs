using System.Text;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Core.State;
using HomelabGate.Testing;
using HomelabGate.Tests.Rendering;

namespace HomelabGate.Tests.Desired;

/// <summary>The canonical JSON of every shipped manifest's desired state (what <see cref="DesiredState.ContentHash"/>
/// hashes and the state file holds) and its flattened plan attributes. The golden files were written by the
/// reflection-based serializer; the source-generated one (Native AOT) must produce them byte for byte, or a state
/// written by an older gate would plan as changed and a daemon would look like it serves another manifest.</summary>
public sealed class CanonicalJsonGoldenTests
{
    [Fact]
    public void Desired_state_json_and_attributes_of_every_example_are_unchanged()
    {
        var text = new StringBuilder();
        foreach (var relative in Examples())
        {
            var result = ManifestFixture.Loader.Load(Path.Combine(RenderingGoldenTests.RepoRoot(), relative));
            var desired = new DesiredStateBuilder().Build(result.Manifest!.Spec);
            text.Append("## ").Append(relative).Append(' ').AppendLine(desired.ContentHash());
            text.AppendLine(Encoding.UTF8.GetString(StateStore.Serialize(new AppliedState(desired, "hash", DateTimeOffset.UnixEpoch))));
            foreach (var resource in desired.Resources)
            {
                foreach (var (key, value) in ResourceAttributes.Flatten(resource))
                {
                    text.Append(resource.Id).Append(' ').Append(key).Append(" = ").AppendLine(value);
                }
            }
        }
        Golden.Match("desired-state-examples.txt", text.ToString());
    }

    [Fact]
    public void A_state_file_reads_back_equal()
    {
        foreach (var relative in Examples())
        {
            var result = ManifestFixture.Loader.Load(Path.Combine(RenderingGoldenTests.RepoRoot(), relative));
            var desired = new DesiredStateBuilder().Build(result.Manifest!.Spec);
            var applied = new AppliedState(desired, "hash", DateTimeOffset.UnixEpoch);
            Assert.Equal(applied, StateStore.Deserialize(StateStore.Serialize(applied)));
        }
    }

    private static IEnumerable<string> Examples()
    {
        foreach (string path in ExamplesTests.Manifests())
        {
            yield return path;
        }
    }
}
