using HomelabGate.Core.Desired;
using HomelabGate.Core.Planning;

namespace HomelabGate.Tests.Planning;

public sealed class PlannerTests
{
    private static ProxyHost Host(string name, params string[] domains) =>
        new() { Name = name, Domains = new(domains), Respond = new RespondAction(200, "", "text/plain") };

    private static Certificate Cert(string name, params string[] domains) => new() { Name = name, Issuer = "local", Domains = new(domains) };

    [Fact]
    public void Plans_nothing_when_desired_equals_current_even_with_fresh_list_instances()
    {
        var plan = Planner.Diff(DesiredState.Of([Host("a", "a.test")]), DesiredState.Of([Host("a", "a.test")]));
        Assert.False(plan.HasChanges);
    }

    [Fact]
    public void Plans_create_update_and_delete()
    {
        var current = DesiredState.Of([Host("keep", "k.test"), Host("edit", "e.test"), Host("gone", "g.test")]);
        var desired = DesiredState.Of([Host("keep", "k.test"), Host("edit", "e.test", "e2.test"), Host("new", "n.test")]);
        var plan = Planner.Diff(desired, current);
        Assert.Equal(
            [(ChangeAction.Update, "edit"), (ChangeAction.Create, "new"), (ChangeAction.Delete, "gone")],
            plan.Changes.Select(c => (c.Action, c.Id.Name)));
        Assert.Equal((1, 1, 1), (plan.ToAdd, plan.ToChange, plan.ToDestroy));
    }

    [Fact]
    public void Plans_a_replace_when_a_certificate_gets_new_names()
    {
        var plan = Planner.Diff(DesiredState.Of([Cert("c", "a.test", "b.test")]), DesiredState.Of([Cert("c", "a.test")]));
        Assert.Equal(ChangeAction.Replace, Assert.Single(plan.Changes).Action);
        Assert.Equal((1, 0, 1), (plan.ToAdd, plan.ToChange, plan.ToDestroy));
    }

    [Fact]
    public void Orders_creates_dns_first_then_certificates_then_proxy_and_deletes_in_reverse()
    {
        var record = new DnsRecord { Name = "a.test", Type = "A", Values = new(["10.0.0.1"]) };
        var desired = DesiredState.Of([Host("h", "a.test"), Cert("c", "a.test"), record]);
        var plan = Planner.Diff(desired, DesiredState.Empty);
        Assert.Equal([ResourceKind.DnsRecord, ResourceKind.Certificate, ResourceKind.Host], plan.Changes.Select(c => c.Id.Kind));
        var teardown = Planner.Diff(DesiredState.Empty, desired);
        Assert.Equal([ResourceKind.Host, ResourceKind.Certificate, ResourceKind.DnsRecord], teardown.Changes.Select(c => c.Id.Kind));
    }
}
