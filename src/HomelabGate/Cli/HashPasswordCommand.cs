using System.CommandLine;

namespace HomelabGate.Cli;

/// <summary><c>gate hash-password</c>: a bcrypt hash for an access list user, so no plain password enters the manifest.
/// Reads the password from standard input (one line) so it never appears in shell history or the process list.
/// A password over bcrypt's 72 bytes is refused, not silently cut.</summary>
public sealed class HashPasswordCommand
{
    private readonly Option<int> _cost = new("--cost") { Description = "bcrypt work factor (10-14)", DefaultValueFactory = _ => 12 };

    public Command Build()
    {
        var command = new Command("hash-password", "Print a bcrypt hash of a password read from standard input") { _cost };
        command.SetAction((result, _) =>
        {
            var cost = Math.Clamp(result.GetValue(_cost), 10, 14);
            var password = Console.IsInputRedirected ? Console.In.ReadLine() : ReadHidden();
            if (string.IsNullOrEmpty(password))
            {
                result.InvocationConfiguration.Error.WriteLine("error: empty password");
                return Task.FromResult(ExitCodes.Error);
            }
            var bytes = System.Text.Encoding.UTF8.GetByteCount(password);
            if (bytes > Proxy.Access.HashVerifier.BcryptMaxBytes)
            {
                // bcrypt would silently use only the first 72 bytes; the gate refuses such passwords at login.
                result.InvocationConfiguration.Error.WriteLine(
                    $"error: the password is {bytes} bytes; bcrypt uses only the first {Proxy.Access.HashVerifier.BcryptMaxBytes}, so the gate refuses longer ones at login. " +
                    "Choose a shorter one, or hash it with SHA-crypt (openssl passwd -6), which has no limit.");
                return Task.FromResult(ExitCodes.Error);
            }
            var salt = BCrypt.Net.BCrypt.GenerateSalt(cost, 'y');
            result.InvocationConfiguration.Output.WriteLine(BCrypt.Net.BCrypt.HashPassword(password, salt));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static string ReadHidden()
    {
        Console.Error.Write("Password: ");
        var password = new System.Text.StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace && password.Length > 0)
            {
                password.Length--;
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
        Console.Error.WriteLine();
        return password.ToString();
    }
}
