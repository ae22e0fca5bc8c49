using Microsoft.Data.Sqlite;

namespace HomelabGate.Testing.Npm;

/// <summary>A writable copy of the NPM fixture (tests/fixtures/npm: a database written by NPM's own code, with its
/// certificate files) in a folder of the test's own; the shared copy is never touched.</summary>
public sealed class NpmFixtureCopy
{
    public const string CloudflareCanary = "CANARY-CF-DEV-5678";

    private NpmFixtureCopy(string root) => Root = root;

    public string Root { get; }

    public string DataDirectory => Path.Combine(Root, "data");

    public string LetsEncryptDirectory => Path.Combine(Root, "letsencrypt");

    public string DatabasePath => Path.Combine(DataDirectory, "database.sqlite");

    public static NpmFixtureCopy Create(string root)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "fixtures", "npm");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(root, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }
        }
        return new NpmFixtureCopy(root);
    }

    /// <summary>Changes the copy's database the way NPM's UI would have (statements with $1, $2 … parameters).</summary>
    public void Execute(string sql, params object[] parameters)
    {
        using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"${i + 1}", parameters[i]);
        }
        command.ExecuteNonQuery();
    }
}
