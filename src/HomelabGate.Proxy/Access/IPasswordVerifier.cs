namespace HomelabGate.Proxy.Access;

/// <summary>Checks a password against one stored hash (bcrypt, SHA-crypt, Apache MD5 or {SHA}).</summary>
public interface IPasswordVerifier
{
    Task<bool> VerifyAsync(string password, string hash);
}
