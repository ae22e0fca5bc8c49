namespace HomelabGate.Import.Npm.Reading;

/// <summary>Everything read from one NPM installation, deleted and disabled rows included (the translation decides).</summary>
public sealed record NpmData
{
    public required string DatabasePath { get; init; }

    public IReadOnlyList<string> Migrations { get; init; } = [];

    public IReadOnlyList<NpmProxyHost> ProxyHosts { get; init; } = [];

    public IReadOnlyList<NpmRedirectionHost> RedirectionHosts { get; init; } = [];

    public IReadOnlyList<NpmDeadHost> DeadHosts { get; init; } = [];

    public IReadOnlyList<NpmStream> Streams { get; init; } = [];

    public IReadOnlyList<NpmAccessList> AccessLists { get; init; } = [];

    public IReadOnlyList<NpmCertificate> Certificates { get; init; } = [];

    public NpmDefaultSite? DefaultSite { get; init; }

    /// <summary>Columns a newer NPM added ("table.column"); read past, and reported.</summary>
    public IReadOnlyList<string> UnknownColumns { get; init; } = [];

    /// <summary>Rows that could not be understood (e.g. JSON that does not parse), each "table id: what".</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];
}
