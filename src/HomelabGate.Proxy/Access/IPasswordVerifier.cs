namespace HomelabGate.Proxy.Access;

/// <summary>Checks a password against one stored hash (bcrypt or SHA-crypt).</summary>
public interface IPasswordVerifier
{
    Task<bool> VerifyAsync(string password, string hash);
}
