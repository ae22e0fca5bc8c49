using System.CommandLine;

namespace HomelabGate.Cli;

/// <summary><c>gate hash-password</c>: a bcrypt hash for an access list user, so no plain password enters the manifest.
/// Reads the password from standard input (one line) so it never appears in shell history or the process list.</summary>
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
