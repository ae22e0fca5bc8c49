using HomelabGate.Import.Npm.Reading;
using HomelabGate.Import.Yaml;

namespace HomelabGate.Import.Npm.Translation;

/// <summary>NPM streams as manifest streams. Gate forwards TCP (optionally terminating TLS); a UDP forward has no
/// equivalent and is said so where the stream is.</summary>
internal sealed class StreamTranslator(ImportContext context)
{
    public void Translate(NpmStream row, IReadOnlyCollection<int> httpPorts)
    {
        var subject = Subject.Of("stream", row.Id, $"port {row.IncomingPort}");
        if (row.State == NpmRowState.Deleted)
        {
            context.Report.Note(subject, "deleted in NPM; not imported");
            return;
        }
        var stream = new YamlMap();
        stream.Add("listen", $"0.0.0.0:{row.IncomingPort}");
        stream.Add("to", TargetTranslator.Authority(row.ForwardingHost.Trim(), row.ForwardingPort));
        if (row.CertificateId != 0)
        {
            if (context.CertificateNames.TryGetValue(row.CertificateId, out var certificate))
            {
                stream.Add("certificate", certificate);
            }
            else
            {
                context.Report.Attention(subject, $"its certificate (NPM certificate {row.CertificateId}) could not be imported; the stream forwards without TLS");
            }
        }
        var entry = context.Streams.Add(context.Names.Allocate("streams", $"port-{row.IncomingPort}", $"stream-{row.Id}"), stream);
        if (row.Udp)
        {
            entry.Comment(row.Tcp
                ? "ATTENTION: NPM also forwarded UDP on this port; gate forwards TCP only."
                : "ATTENTION: NPM forwarded UDP only on this port; gate forwards TCP only, so this stream is commented out.");
            context.Report.Attention(subject, row.Tcp ? "the UDP half is not imported: gate forwards TCP only" : "UDP only: gate forwards TCP only; imported commented out");
            entry.CommentedOut = !row.Tcp;
        }
        if (httpPorts.Contains(row.IncomingPort))
        {
            entry.Comment("ATTENTION: this port is also gate's HTTP or HTTPS listener; commented out.").CommentedOut = true;
            context.Report.Attention(subject, $"port {row.IncomingPort} is also a web listener of the imported manifest; imported commented out");
        }
        else if (row.State == NpmRowState.Disabled)
        {
            entry.Comment("Disabled in NPM: imported commented out.").CommentedOut = true;
            context.Report.Note(subject, "disabled in NPM; imported commented out");
        }
    }
}
