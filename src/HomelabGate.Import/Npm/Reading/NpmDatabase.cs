using Microsoft.Data.Sqlite;

namespace HomelabGate.Import.Npm.Reading;

/// <summary>NPM's SQLite database, opened read-only (NPM may be running: nothing is ever written, and a write lock held
/// by NPM only makes us wait <see cref="BusyTimeout"/>). Each table's columns are checked against <see cref="NpmSchema"/>.</summary>
internal sealed class NpmDatabase : IDisposable
{
    private readonly SqliteConnection _connection;

    private NpmDatabase(SqliteConnection connection, string path)
    {
        _connection = connection;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Unknown columns seen while reading: "table.column".</summary>
    public List<string> UnknownColumns { get; } = [];

    public static NpmDatabase Open(string path, TimeSpan busyTimeout)
    {
        if (!File.Exists(path))
        {
            throw new NpmImportException($"there is no NPM database at '{path}'",
                "point --data at NPM's data folder (the one holding database.sqlite), or name the file with --database. " +
                "An NPM that stores its data in MySQL/MariaDB has no database.sqlite: convert that database to SQLite first " +
                "(e.g. mysqldump the npm database and load it with mysql2sqlite), then import the converted file with --database");
        }
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(busyTimeout.TotalSeconds),
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA busy_timeout = {(int)busyTimeout.TotalMilliseconds}";
            command.ExecuteNonQuery();
            var database = new NpmDatabase(connection, path);
            database.EnsureNpm();
            return database;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw Failure(path, e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public IReadOnlyList<NpmRow> Rows(string table)
    {
        try
        {
            var columns = Columns(table);
            if (columns.Count == 0)
            {
                return [];
            }
            foreach (var missing in NpmSchema.Required.GetValueOrDefault(table, []).Where(c => !columns.Contains(c)))
            {
                throw new NpmImportException($"the NPM table '{table}' in '{Path}' has no column '{missing}'",
                    "this database is from an NPM version this importer does not know; update NPM (its migrations run at start) and import again");
            }
            UnknownColumns.AddRange(columns.Where(c => !NpmSchema.Known[table].Contains(c)).Select(c => $"{table}.{c}"));
            using var command = _connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY {(columns.Contains("id") ? "id" : "rowid")}";
            using var reader = command.ExecuteReader();
            var rows = new List<NpmRow>();
            while (reader.Read())
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    values[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                }
                rows.Add(new NpmRow(table, values));
            }
            return rows;
        }
        catch (SqliteException e)
        {
            throw Failure(Path, e);
        }
    }

    /// <summary>The applied NPM migrations, oldest first (the schema level).</summary>
    public IReadOnlyList<string> Migrations() => Rows("migrations").Select(r => r.Text("name")).ToList();

    private HashSet<string> Columns(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }
        return columns;
    }

    private void EnsureNpm()
    {
        if (Columns("proxy_host").Count == 0 || Columns("certificate").Count == 0)
        {
            throw new NpmImportException($"'{Path}' is an SQLite database but not Nginx Proxy Manager's (it has no proxy_host table)",
                "point --data at NPM's data folder (the one mounted at /data in NPM's container)");
        }
    }

    private static NpmImportException Failure(string path, SqliteException e) => e.SqliteErrorCode switch
    {
        5 or 6 => new NpmImportException($"the NPM database '{path}' is locked", // SQLITE_BUSY, SQLITE_LOCKED
            "NPM is writing to it right now; try again in a moment, or stop NPM (docker compose stop) and import again", e),
        11 or 26 => new NpmImportException($"'{path}' is not a readable SQLite database ({e.Message.TrimEnd('.')})", // CORRUPT, NOTADB
            "check that this is NPM's database.sqlite and that it was copied completely (copy it while NPM is stopped)", e),
        _ => new NpmImportException($"cannot read the NPM database '{path}': {e.Message}",
            "check that the file is readable by this user and is NPM's database.sqlite", e),
    };

    public void Dispose() => _connection.Dispose();
}
