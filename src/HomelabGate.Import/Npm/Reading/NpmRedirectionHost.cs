namespace HomelabGate.Import.Npm.Reading;

/// <summary>A <c>redirection_host</c> row. <see cref="ForwardScheme"/> is auto (keep the request's), http or https.</summary>
public sealed record NpmRedirectionHost(
    int Id,
    NpmRowState State,
    IReadOnlyList<string> Domains,
    string ForwardDomainName,
    string ForwardScheme,
    int HttpCode,
    bool PreservePath,
    NpmTls Tls,
    bool BlockExploits,
    string AdvancedConfig);
