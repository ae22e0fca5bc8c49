namespace HomelabGate.Core.Engine;

/// <summary>Why a certificate needs (re-)issuing; CamelCase so it can be a status condition reason as is.</summary>
public enum RenewalReasonCode
{
    Missing,
    Unreadable,
    KeyDoesNotMatchCertificate,
    KeyAlgorithmDiffers,
    SubjectAlternativeNamesDiffer,
    IssuerChanged,
    NotYetValid,
    Expired,
    NearingExpiry,
    FilesChanged,
}
