namespace HomelabGate.Core.Challenges;

/// <summary>One DNS-01 TXT value to publish: <paramref name="RecordName"/> is the absolute
/// "_acme-challenge.&lt;domain&gt;." name, <paramref name="Domain"/> the identifier it proves.</summary>
public sealed record Dns01Challenge(string Domain, string RecordName, string Value);
