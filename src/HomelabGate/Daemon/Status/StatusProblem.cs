namespace HomelabGate.Daemon.Status;

/// <summary>Something on the status page that needs a person: <see cref="Serious"/> ones (a target down, a failure, a
/// certificate about to expire) turn the badge red; the others (a certificate to watch, a DNS conflict) amber.
/// <see cref="Section"/> is the id of the part of the page that tells more.</summary>
public sealed record StatusProblem(bool Serious, string Text, string Section);
