namespace HomelabGate.Import.Npm.Reading;

/// <summary>A <c>proxy_host</c> row. <see cref="ForwardHost"/> may carry a path ("10.20.0.17/legacy").</summary>
public sealed record NpmProxyHost(
    int Id,
    NpmRowState State,
    IReadOnlyList<string> Domains,
    string ForwardScheme,
    string ForwardHost,
    int ForwardPort,
    int AccessListId,
    NpmTls Tls,
    bool CachingEnabled,
    bool BlockExploits,
    bool Websockets,
    bool TrustForwardedProto,
    string AdvancedConfig,
    IReadOnlyList<NpmLocation> Locations,
    string? NginxError);

/// <summary>One custom location of a proxy host.</summary>
public sealed record NpmLocation(string Path, string ForwardScheme, string ForwardHost, int ForwardPort, string AdvancedConfig);
