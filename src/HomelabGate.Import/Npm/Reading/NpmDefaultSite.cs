namespace HomelabGate.Import.Npm.Reading;

/// <summary>The <c>default-site</c> setting: congratulations, 404, 444, redirect or html.</summary>
public sealed record NpmDefaultSite(string Value, string? Redirect, string? Html);
