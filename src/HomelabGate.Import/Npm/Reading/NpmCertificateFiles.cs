namespace HomelabGate.Import.Npm.Reading;

/// <summary>Finds a certificate's PEM files where NPM keeps them: <c>data/custom_ssl/npm-ID/</c> for custom ones (else the
/// copy in the database), <c>letsencrypt/live/npm-ID/</c> for Let's Encrypt ones (symlinks into archive/ are followed).</summary>
internal sealed class NpmCertificateFiles(NpmImportOptions options)
{
    public (PemFiles? Files, string? Problem) Custom(NpmCertificate certificate)
    {
        var folder = Path.Combine(options.DataDirectory, "custom_ssl", $"npm-{certificate.Id}");
        var (files, problem) = Read(folder);
        if (files is not null)
        {
            return (files, null);
        }
        if (certificate.StoredPems is { } pems)
        {
            var chain = pems.Intermediate is { Length: > 0 } intermediate ? $"{pems.Certificate.TrimEnd()}\n{intermediate}" : pems.Certificate;
            return (new PemFiles(chain, pems.Key, "NPM's database (the files were missing)"), null);
        }
        return (null, $"{problem}, and the database holds no copy");
    }

    public (PemFiles? Files, string? Problem) LetsEncrypt(NpmCertificate certificate) =>
        Read(Path.Combine(options.LetsEncryptFolder, "live", $"npm-{certificate.Id}"));

    private static (PemFiles?, string) Read(string folder)
    {
        var chain = Path.Combine(folder, "fullchain.pem");
        var key = Path.Combine(folder, "privkey.pem");
        if (!File.Exists(chain) || !File.Exists(key))
        {
            return (null, $"'{(File.Exists(chain) ? key : chain)}' is missing");
        }
        try
        {
            return (new PemFiles(File.ReadAllText(chain), new SecretText(File.ReadAllText(key)), folder), "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, $"cannot read '{folder}': {e.Message}");
        }
    }
}
