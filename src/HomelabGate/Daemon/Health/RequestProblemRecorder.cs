using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon.Health;

/// <summary>Wraps a passive health policy: a proxied request that failed on its way to a target (refused, reset, timed
/// out) is written down in words before the policy decides whether the target goes out of rotation.</summary>
public sealed class RequestProblemRecorder(IPassiveHealthCheckPolicy inner, TargetProblems problems) : IPassiveHealthCheckPolicy
{
    public string Name => inner.Name;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.Features.Get<IForwarderErrorFeature>() is { } error)
        {
            problems.Record(cluster.ClusterId, destination.Model.Config.Address, error.Exception is { } exception
                ? TargetProblem.Describe(exception)
                : error.Error switch
                {
                    ForwarderError.RequestTimedOut => "no answer in time",
                    ForwarderError.ResponseBodyDestination or ForwarderError.RequestBodyDestination => "the connection broke during the transfer",
                    _ => "the request failed",
                });
        }
        inner.RequestProxied(context, cluster, destination);
    }
}
