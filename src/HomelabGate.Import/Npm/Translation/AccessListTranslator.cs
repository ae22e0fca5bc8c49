using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>An NPM access list as a manifest access list. Passwords (plain text in NPM's database) are hashed with
/// bcrypt into 0600 files referenced with ${file:…}; the IP rules are re-expressed for gate's model (see
/// <see cref="AccessRuleTranslator"/>); NPM's "Authorization required" prompt and pass_auth are kept.</summary>
internal sealed class AccessListTranslator(ImportContext context, PasswordHasher hasher)
{
    public void Translate(NpmAccessList row)
    {
        var subject = Subject.Of("access list", row.Id, row.Name);
        if (row.State == NpmRowState.Deleted)
        {
            context.Report.Note(subject, "deleted in NPM; not imported");
            return;
        }
        var name = context.Names.Allocate("accessLists", row.Name, $"access-list-{row.Id}");
        var list = new YamlMap();
        var rules = AccessRuleTranslator.Translate(row.Rules, row.Users.Count > 0, row.SatisfyAny);
        if (rules.Allow.Count > 0)
        {
            list.Add("allow", YamlSequence.Of(rules.Allow));
        }
        if (rules.Deny.Count > 0)
        {
            list.Add("deny", YamlSequence.Of(rules.Deny));
        }
        foreach (var problem in rules.Problems)
        {
            list.Entries.FirstOrDefault()?.Comment($"ATTENTION: {problem}");
            context.Report.Attention(subject, problem);
        }
        Users(row, name, list, subject);
        list.Add("satisfy", row.SatisfyAny ? "any" : "all");
        list.Add("passAuthorization", row.PassAuth);
        list.Add("realm", "Authorization required");
        context.AccessLists.Add(name, list).Comment($"NPM access list \"{row.Name}\" (id {row.Id}).");
        context.AccessListNames[row.Id] = name;
    }

    private void Users(NpmAccessList row, string listName, YamlMap list, string subject)
    {
        var users = new YamlMap();
        var files = new NameAllocator();
        foreach (var user in row.Users)
        {
            if (users.Entries.Any(e => e.Key == user.Username))
            {
                context.Report.Attention(subject, $"user '{user.Username}' is listed twice; the first one (as nginx reads htpasswd) is imported");
                continue;
            }
            if (user.Password.Value.Length == 0 || user.Username.Length == 0 || user.Username.Contains(':'))
            {
                context.Report.Attention(subject, $"user '{user.Username}' has an empty password or an unusable name; not imported");
                continue;
            }
            var file = files.Allocate(listName, user.Username, "user");
            users.Add(user.Username, context.AddSecret(Path.Combine("access-lists", listName, $"{file}.bcrypt"), hasher.Hash(user.Password)));
        }
        if (!users.IsEmpty)
        {
            list.Add("users", users).Comment("bcrypt hashes of NPM's passwords, in 0600 files: the same passwords keep working.");
        }
    }
}
