namespace HomelabGate.Dns.Challenges;

/// <summary>A hook program called as <c>&lt;Command&gt; present|cleanup FQDN VALUE</c> (lego's exec provider and
/// acme.sh's convention); FQDN is absolute with the trailing dot.</summary>
public sealed record ExecSolverOptions(string Command, TimeSpan Timeout);
