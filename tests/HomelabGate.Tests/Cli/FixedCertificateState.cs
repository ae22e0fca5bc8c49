namespace HomelabGate.Tests.Cli;

/// <summary>
/// A state directory holding fixed certificates (see <see cref="FixedCertificatePem"/>), so list and show print the
/// same bytes on every run when the clock is <see cref="Now"/>:
/// web (local CA, ECDSA, 58 days left), old (local CA, expired), nas (imported, RSA 2048, renewal overdue).
/// </summary>
public static class FixedCertificateState
{
    public static readonly DateTimeOffset Now = new(2026, 2, 1, 12, 0, 0, TimeSpan.Zero);

    public static void Write(string stateDirectory)
    {
        Directory.CreateDirectory(Path.Combine(stateDirectory, "ca"));
        File.WriteAllText(Path.Combine(stateDirectory, "ca", "root.pem"), FixedCertificatePem.Root + "\n");
        Certificate(stateDirectory, "web", FixedCertificatePem.Web, FixedCertificatePem.Intermediate, FixedCertificatePem.WebKey,
            """{ "name": "web", "domains": ["web.home.test", "192.168.1.10"], "keyAlgorithm": "EcdsaP256", "source": "LocalCa", "storedAt": "2026-01-01T00:05:00+00:00" }""");
        Certificate(stateDirectory, "old", FixedCertificatePem.Old, FixedCertificatePem.Intermediate, FixedCertificatePem.OldKey,
            """{ "name": "old", "domains": ["*.lab.home.test"], "keyAlgorithm": "EcdsaP256", "source": "LocalCa", "storedAt": "2025-10-01T00:05:00+00:00" }""");
        Certificate(stateDirectory, "nas", FixedCertificatePem.Nas, FixedCertificatePem.NasVendorCa, FixedCertificatePem.NasKey,
            """{ "name": "nas", "domains": ["nas.home.test"], "keyAlgorithm": "Rsa2048", "source": "Custom", "storedAt": "2025-06-01T10:00:00+00:00" }""");
    }

    private static void Certificate(string stateDirectory, string name, string cert, string chain, string key, string meta)
    {
        var directory = Path.Combine(stateDirectory, "certificates", name);
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "cert.pem"), cert + "\n");
        File.WriteAllText(Path.Combine(directory, "chain.pem"), chain.Length == 0 ? "" : chain + "\n");
        File.WriteAllText(Path.Combine(directory, "meta.json"), meta + "\n");
        var keyPath = Path.Combine(directory, "key.pem");
        File.WriteAllText(keyPath, key + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
