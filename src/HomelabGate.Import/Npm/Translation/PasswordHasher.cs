using HomelabGate.Import.Npm.Reading;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>bcrypt ($2y$, as htpasswd -B and gate hash-password write it) at the given work factor.</summary>
internal sealed class PasswordHasher(int cost)
{
    public string Hash(SecretText password) => BCrypt.Net.BCrypt.HashPassword(password.Value, BCrypt.Net.BCrypt.GenerateSalt(cost, 'y'));
}
