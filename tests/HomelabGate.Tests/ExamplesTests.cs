using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;
using HomelabGate.Tests.Rendering;

namespace HomelabGate.Tests;

/// <summary>Every shipped manifest is a test case: it validates without errors and plans from an empty state.</summary>
public sealed class ExamplesTests
{
    public static TheoryData<string> Manifests()
    {
        var root = RenderingGoldenTests.RepoRoot();
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(root, "examples"), "*.yaml").Append(Path.Combine(root, "homelab.yaml")).Order())
        {
            data.Add(Path.GetRelativePath(root, file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Shipped_manifest_validates_and_plans(string relativePath)
    {
        var result = ManifestFixture.Loader.Load(Path.Combine(RenderingGoldenTests.RepoRoot(), relativePath));
        Assert.True(result.Succeeded, ManifestFixture.Describe(result));
        var desired = new DesiredStateBuilder().Build(result.Manifest!.Spec);
        var plan = Planner.Diff(desired, DesiredState.Empty);
        Assert.Equal(desired.Resources.Count, plan.ToAdd);
        Assert.False(Planner.Diff(desired, desired).HasChanges);
    }
}
