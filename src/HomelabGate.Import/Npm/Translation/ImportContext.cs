using HomelabGate.Import.Output;
using HomelabGate.Import.Reporting;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>What the translators share while one import runs: the manifest's sections, the names given so far, the
/// files to write and the report. Lives for one import only.</summary>
internal sealed class ImportContext(NpmImportOptions options)
{
    private readonly List<OutputFile> _files = [];

    public NpmImportOptions Options => options;

    public ImportReport Report { get; } = new();

    public NameAllocator Names { get; } = new();

    public YamlMap Upstreams { get; } = new();

    public YamlMap Issuers { get; } = new();

    public YamlMap Certificates { get; } = new();

    public YamlMap AccessLists { get; } = new();

    public YamlMap Hosts { get; } = new();

    public YamlMap Streams { get; } = new();

    public List<CertificateSeed> Seeds { get; } = [];

    /// <summary>NPM certificate id → manifest key, for the certificates that were imported.</summary>
    public Dictionary<int, string> CertificateNames { get; } = [];

    /// <summary>NPM access list id → manifest key.</summary>
    public Dictionary<int, string> AccessListNames { get; } = [];

    public IReadOnlyList<OutputFile> Files => _files;

    /// <summary>Queues a 0600 file under the secrets folder and returns its <c>${file:…}</c> reference.</summary>
    public string AddSecret(string relativePath, string content)
    {
        var path = SecretPath(relativePath);
        _files.Add(new OutputFile(path, content.EndsWith('\n') ? content : content + "\n", Secret: true));
        return $"${{file:{path}}}";
    }

    public void AddFile(string relativePath, string content, bool secret) => _files.Add(new OutputFile(SecretPath(relativePath), content, secret));

    public string SecretPath(string relativePath) => Path.Combine(options.SecretsDirectory, relativePath);
}
