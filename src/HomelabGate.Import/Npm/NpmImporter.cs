using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Npm.Translation;
using HomelabGate.Import.Output;

namespace HomelabGate.Import.Npm;

/// <summary>Reads an NPM installation (read-only) and translates it; the result is in memory, nothing is written.</summary>
/// <exception cref="NpmImportException">The data cannot be read at all.</exception>
public sealed class NpmImporter(TimeProvider time)
{
    public ImportResult Import(NpmImportOptions options)
    {
        if (!Directory.Exists(options.DataDirectory))
        {
            throw new NpmImportException($"'{options.DataDirectory}' is not a folder",
                "pass NPM's data folder (the volume mounted at /data in NPM's container) with --data");
        }
        if (options.LetsEncryptDirectory is { } letsEncrypt && !Directory.Exists(letsEncrypt))
        {
            throw new NpmImportException($"'{letsEncrypt}' is not a folder",
                "pass NPM's letsencrypt folder (the volume mounted at /etc/letsencrypt in NPM's container) with --letsencrypt, or leave the option out");
        }
        using var database = NpmDatabase.Open(options.DatabaseFile, options.BusyTimeout);
        var data = new NpmDataReader().Read(database);
        return new NpmTranslator(options, time).Translate(data);
    }
}
