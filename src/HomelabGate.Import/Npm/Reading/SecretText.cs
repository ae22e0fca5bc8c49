namespace HomelabGate.Import.Npm.Reading;

/// <summary>A secret read from NPM (a password, a DNS API credential, a private key). Printing it prints "(secret)", so
/// a record that holds one can be logged or shown in a test failure without leaking it.</summary>
public sealed record SecretText(string Value)
{
    public override string ToString() => "(secret)";
}
