using System.Text.Json;
using System.Text.Json.Nodes;

namespace HomelabGate.Cli.Certificates;

/// <summary><c>gate cert list -o json</c>: an array with one object per certificate, for scripts and monitoring.
/// Unreadable entries appear as <c>{ "name", "problem" }</c> so nothing is silently dropped.</summary>
public sealed class CertificateJsonRenderer
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public void Render(IReadOnlyList<CertificateEntry> entries, TextWriter output)
    {
        var array = new JsonArray(entries.Select(Node).ToArray());
        output.WriteLine(array.ToJsonString(Indented));
    }

    private static JsonNode Node(CertificateEntry entry)
    {
        if (entry.Summary is not { } summary)
        {
            return new JsonObject { ["name"] = entry.Name, ["problem"] = entry.Problem };
        }
        var info = summary.Info;
        return new JsonObject
        {
            ["name"] = info.Name,
            ["subject"] = info.Subject,
            ["issuer"] = info.Issuer,
            ["domains"] = new JsonArray(info.SubjectAlternativeNames.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray()),
            ["notBefore"] = info.NotBefore,
            ["notAfter"] = info.NotAfter,
            ["daysLeft"] = info.DaysLeft,
            ["renewalDue"] = info.RenewalDue,
            ["renewalDueNow"] = summary.RenewalDueNow,
            ["notYetValid"] = summary.NotYetValid,
            ["sha256Fingerprint"] = info.Sha256Fingerprint,
            ["keyType"] = summary.KeyType,
            ["source"] = summary.Source,
        };
    }
}
