using HomelabGate.Core.Manifest;
using HomelabGate.Core.Validation;

namespace HomelabGate.Tests;

/// <summary>Loads manifests from strings, as the CLI and the daemon load them from files.</summary>
public static class ManifestFixture
{
    private static readonly SchemaValidator Schema = SchemaValidator.Load();

    public static ManifestLoader Loader { get; } = new(Schema, ManifestValidator.Default);

    public static ManifestLoadResult Load(string yaml) => Loader.Load(System.Text.Encoding.UTF8.GetBytes(yaml), "homelab.yaml");

    public static string Describe(ManifestLoadResult result) =>
        string.Join("\n", result.Diagnostics.Select(d => $"{d.Location}: {d.Code}: {d.Summary} | {d.Hint}"));
}
