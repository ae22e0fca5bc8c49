using System.Text;
using HomelabGate.Daemon.Status;
using static HomelabGate.Daemon.Status.Html;

namespace HomelabGate.Daemon.Cluster;

/// <summary>The status page's cluster section: this replica's role, the leader, a degraded store, and every replica with
/// the content it serves (one that differs from this replica's is marked).</summary>
public static class ClusterPageSection
{
    public static void Render(StringBuilder html, StatusSnapshot snapshot)
    {
        if (snapshot.Cluster is not { } cluster)
        {
            return;
        }
        html.Append("<section id=\"cluster\">\n<h2>Cluster</h2>\n<dl>\n<dt>This replica</dt><dd>").Append(Encode(cluster.Replica)).Append(" (")
            .Append(Encode(cluster.Role)).Append(")</dd>\n<dt>Leader</dt><dd>").Append(Encode(cluster.Leader ?? "none known")).Append("</dd>\n");
        if (cluster.Problem is { } problem)
        {
            html.Append("<dt>Degraded</dt><dd class=\"bad\">").Append(Encode(problem))
                .Append(" — serving the last known configuration and certificates; no side effects until etcd is back</dd>\n");
        }
        html.Append("</dl>\n<table>\n<thead><tr><th>Replica</th><th>Role</th><th>Serves</th><th>Admin</th><th>Seen</th></tr></thead>\n<tbody>\n");
        foreach (var replica in cluster.Replicas)
        {
            var same = replica.ContentHash == cluster.ContentHash;
            html.Append("<tr><td data-label=\"Replica\"><strong>").Append(Encode(replica.Id)).Append("</strong></td><td data-label=\"Role\">")
                .Append(Encode(replica.Role)).Append("</td><td data-label=\"Serves\" class=\"").Append(same ? "ok" : "warn").Append("\">")
                .Append(Encode(replica.ContentHash is { Length: >= 12 } h ? h[..12] : "nothing")).Append(same ? "" : " (differs from this replica)")
                .Append("</td><td data-label=\"Admin\">").Append(Encode(replica.Admin)).Append("</td><td data-label=\"Seen\">")
                .Append(Encode(Ago(replica.SeenAt, snapshot.GeneratedAt))).Append("</td></tr>\n");
        }
        html.Append("</tbody>\n</table>\n</section>\n");
    }
}
