namespace HomelabGate.Cli;

/// <summary>Terraform's -detailed-exitcode convention, so scripts and CI can branch on the result.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Error = 1;
    public const int Changes = 2;
}
