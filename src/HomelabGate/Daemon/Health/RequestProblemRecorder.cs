using HomelabGate.Proxy.Health;
using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Health;

/// <summary>Wraps a passive health policy: a proxied request that failed by its target's fault (refused, reset, timed
/// out, a rejected certificate, an answer of 502-504) is written down in words before the policy decides whether the
/// target goes out of rotation; a request that succeeded clears it (a lookup only while a problem is recorded).</summary>
public sealed class RequestProblemRecorder(IPassiveHealthCheckPolicy inner, TargetProblems problems) : IPassiveHealthCheckPolicy
{
    public string Name => inner.Name;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        var url = destination.Model.Config.Address;
        if (context.Features.Get<IForwarderErrorFeature>() is { } error)
        {
            problems.Record(cluster.ClusterId, url, error.Exception is { } exception
                ? TargetProblem.Describe(exception)
                : error.Error switch
                {
                    ForwarderError.RequestTimedOut => "no answer in time",
                    ForwarderError.ResponseBodyDestination or ForwarderError.RequestBodyDestination => "the connection broke during the transfer",
                    _ => "the request failed",
                });
        }
        else if (ConsecutiveFailuresPolicy.Blames(context))
        {
            problems.Record(cluster.ClusterId, url, $"answered {context.Response.StatusCode}");
        }
        else if (!problems.IsEmpty)
        {
            problems.Clear(cluster.ClusterId, url);
        }
        inner.RequestProxied(context, cluster, destination);
    }
}
