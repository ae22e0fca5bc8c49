namespace HomelabGate.Core.Secrets;

public enum SecretSource
{
    Environment,
    File,
}
