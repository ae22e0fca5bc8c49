namespace HomelabGate.Tests.Cli;

/// <summary>The real openssl and certutil, to check our output with tools that owe us nothing.</summary>
public static class Tools
{
    public static Task<ProcessResult> OpensslAsync(params string[] arguments) => ProcessRunner.RunAsync("openssl", arguments);

    public static Task<ProcessResult> CertutilAsync(params string[] arguments) => ProcessRunner.RunAsync("certutil", arguments);

    /// <summary>A new, empty NSS database, as <c>certutil -N --empty-password</c> makes it.</summary>
    public static async Task<string> CreateNssDatabaseAsync(string directory)
    {
        Directory.CreateDirectory(directory);
        var result = await CertutilAsync("-N", "-d", $"sql:{directory}", "--empty-password");
        Assert.True(result.ExitCode == 0, $"certutil -N failed: {result.StandardError}");
        return directory;
    }

    /// <summary>The SHA-256 fingerprint openssl computes, as AB:CD:… .</summary>
    public static async Task<string> FingerprintAsync(string pemFile)
    {
        var result = await OpensslAsync("x509", "-in", pemFile, "-noout", "-fingerprint", "-sha256");
        Assert.Equal(0, result.ExitCode);
        return result.StandardOutput.Trim().Split('=')[1];
    }
}
