using HomelabGate.Import.Tests.Support;
using Microsoft.Data.Sqlite;

namespace HomelabGate.Import.Tests.Npm;

/// <summary>Bad input gives one clear message with a hint, exit 1 and nothing written; a newer NPM schema or missing
/// certificate files are reported and the import goes on.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly ImportWorkspace _work = new();

    [Fact]
    public async Task A_missing_database_names_the_path_and_the_mysql_workaround()
    {
        File.Delete(_work.Npm.DatabasePath);
        var (exit, _, error) = await _work.RunAsync();
        Assert.Equal(1, exit);
        Assert.Contains($"error: there is no NPM database at '{_work.Npm.DatabasePath}'", error, StringComparison.Ordinal);
        Assert.Contains("MySQL/MariaDB", error, StringComparison.Ordinal);
        Assert.Empty(_work.Written());
    }

    [Fact]
    public async Task A_corrupt_database_is_a_clear_error_not_a_stack_trace()
    {
        File.WriteAllBytes(_work.Npm.DatabasePath, [.. "this is not SQLite at all, just text pretending to be a database file"u8]);
        var (exit, output, error) = await _work.RunAsync();
        Assert.Equal(1, exit);
        Assert.Contains("is not a readable SQLite database", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.Empty(_work.Written());
    }

    [Fact]
    public async Task An_sqlite_database_that_is_not_npm_s_is_named_as_such()
    {
        File.Delete(_work.Npm.DatabasePath);
        _work.Npm.Execute("CREATE TABLE something_else (id integer)");
        var (exit, _, error) = await _work.RunAsync();
        Assert.Equal(1, exit);
        Assert.Contains("not Nginx Proxy Manager's", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newer_npm_schema_is_reported_and_imported()
    {
        _work.Npm.Execute("ALTER TABLE proxy_host ADD COLUMN quantum_tunnel integer NOT NULL DEFAULT 0");
        var (exit, output, _) = await _work.RunAsync(dryRun: true);
        Assert.Equal(2, exit);
        Assert.Contains("database: columns this importer does not know (a newer NPM?) were ignored: proxy_host.quantum_tunnel", output, StringComparison.Ordinal);
        Assert.Contains("  media:\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_npm_is_writing_to_is_read_without_waiting_and_never_changed()
    {
        _work.Npm.Execute("PRAGMA journal_mode = DELETE");
        var before = File.ReadAllBytes(_work.Npm.DatabasePath);
        using var npm = Open();
        using (var write = npm.CreateCommand())
        {
            write.CommandText = "BEGIN IMMEDIATE; UPDATE proxy_host SET forward_port = 1 WHERE id = 1;"; // NPM mid-transaction: a RESERVED lock
            write.ExecuteNonQuery();
        }
        var (exit, output, error) = await _work.RunAsync(dryRun: true);
        Assert.True(exit == 2, error);
        Assert.Contains("to: http://10.20.0.11:8096", output, StringComparison.Ordinal); // the committed data
        Assert.Equal(before, File.ReadAllBytes(_work.Npm.DatabasePath));
    }

    [Fact]
    public async Task A_database_locked_exclusively_is_a_clear_error_after_the_busy_timeout()
    {
        _work.Npm.Execute("PRAGMA journal_mode = DELETE");
        using var npm = Open();
        using (var write = npm.CreateCommand())
        {
            write.CommandText = "BEGIN EXCLUSIVE; UPDATE proxy_host SET forward_port = 1 WHERE id = 1;";
            write.ExecuteNonQuery();
        }
        var (exit, _, error) = await _work.RunAsync();
        Assert.Equal(1, exit);
        Assert.Contains("is locked", error, StringComparison.Ordinal);
        Assert.Contains("NPM is writing to it", error, StringComparison.Ordinal);
        Assert.Empty(_work.Written());
    }

    [Fact]
    public async Task Missing_custom_certificate_files_fall_back_to_the_copy_in_npm_s_database()
    {
        Directory.Delete(Path.Combine(_work.Npm.DataDirectory, "custom_ssl"), recursive: true);
        var result = _work.Import();
        Assert.Contains("lab-wildcard-self-signed:\n    files:", result.Manifest, StringComparison.Ordinal);
        var copied = result.Files.Single(f => f.Path.EndsWith("lab-wildcard-self-signed/fullchain.pem", StringComparison.Ordinal));
        Assert.StartsWith("-----BEGIN CERTIFICATE-----", copied.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_with_no_files_anywhere_is_reported_and_its_hosts_are_imported_without_https()
    {
        Directory.Delete(Path.Combine(_work.Npm.DataDirectory, "custom_ssl"), recursive: true);
        _work.Npm.Execute("UPDATE certificate SET meta = '{}' WHERE id = 1");
        var (exit, output, error) = await _work.RunAsync();
        Assert.True(exit == 2, error);
        Assert.Contains("! certificate 1 (Lab wildcard (self-signed)): not imported:", output, StringComparison.Ordinal);
        Assert.Contains("! proxy host 1 (media.lab.test): its certificate (NPM certificate 1) could not be imported; the host is imported without HTTPS", output, StringComparison.Ordinal);
        Assert.DoesNotContain("lab-wildcard-self-signed", File.ReadAllText(_work.Options.ManifestPath), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_npm_s_letsencrypt_folder_the_acme_certificate_is_ordered_anew_and_said_so()
    {
        Directory.Delete(_work.Npm.LetsEncryptDirectory, recursive: true);
        var (exit, output, _) = await _work.RunAsync(dryRun: true);
        Assert.Equal(2, exit);
        Assert.Contains("! certificate 2 (lab.test, *.lab.test):", output, StringComparison.Ordinal);
        Assert.Contains("gate orders a new certificate on first apply", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_letsencrypt_folder_given_but_missing_is_an_error()
    {
        var (exit, _, error) = await _work.RunAsync(_work.Options with { LetsEncryptDirectory = Path.Combine(_work.Root, "nowhere") });
        Assert.Equal(1, exit);
        Assert.Contains("is not a folder", error, StringComparison.Ordinal);
        Assert.Contains("--letsencrypt", error, StringComparison.Ordinal);
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection($"Data Source={_work.Npm.DatabasePath};Pooling=False");
        connection.Open();
        return connection;
    }

    public void Dispose() => _work.Dispose();
}
