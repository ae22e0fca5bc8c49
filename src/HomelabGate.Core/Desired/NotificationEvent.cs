namespace HomelabGate.Core.Desired;

/// <summary>What a notification is about. Serialized kebab-case, as the manifest spells it.</summary>
public enum NotificationEvent
{
    CertificateFailed,
    CertificateExpiring,
    TargetDown,
    ManifestInvalid,
    Recovered,
}
