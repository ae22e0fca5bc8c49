using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>What every NPM host type shares: deleted rows are skipped (and said so), disabled ones are written
/// commented out, and names come from the first domain.</summary>
internal static class HostRows
{
    /// <summary>The report subject, manifest key and a host map holding the domains; null for a row not to import.</summary>
    public static (string Subject, string Name, YamlMap Host)? Begin(ImportContext context, string kind, int id, NpmRowState state, IReadOnlyList<string> domains)
    {
        var subject = Subject.Of(kind, id, domains);
        if (state == NpmRowState.Deleted)
        {
            context.Hosts.Footer.Add($"{char.ToUpperInvariant(subject[0])}{subject[1..]} was deleted in NPM: not imported.");
            context.Report.Note(subject, "deleted in NPM; not imported");
            return null;
        }
        if (domains.Count == 0)
        {
            context.Report.Attention(subject, "has no domain names (its domain_names column is empty or not JSON); not imported");
            return null;
        }
        // "media" for media.lab.test; the whole domain when the first label is taken; then with NPM's id.
        var name = context.Names.Allocate("hosts", NameAllocator.FirstLabel(domains[0]), domains[0], $"{domains[0]}-{id}");
        var host = new YamlMap();
        host.Add("domains", YamlSequence.Of(domains));
        return (subject, name, host);
    }

    public static void MarkDisabled(ImportContext context, YamlEntry entry, NpmRowState state, string subject)
    {
        if (state != NpmRowState.Disabled)
        {
            return;
        }
        entry.CommentedOut = true;
        entry.Comment("Disabled in NPM: imported commented out. Remove the # marks below to serve it.");
        context.Report.Note(subject, "disabled in NPM; imported commented out");
    }
}
