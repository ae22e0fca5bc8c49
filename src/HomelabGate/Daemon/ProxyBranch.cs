using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Model;

namespace HomelabGate.Daemon;

/// <summary>A branch of YARP's proxy pipeline (from UseWhen) seen as the proxy pipeline again, so YARP's own
/// middleware extensions (<c>UseSessionAffinity</c>, <c>UsePassiveHealthChecks</c>) can be put into it.</summary>
internal sealed class ProxyBranch(IApplicationBuilder inner) : IReverseProxyApplicationBuilder
{
    public IServiceProvider ApplicationServices { get => inner.ApplicationServices; set => inner.ApplicationServices = value; }

    public IFeatureCollection ServerFeatures => inner.ServerFeatures;

    public IDictionary<string, object?> Properties => inner.Properties;

    public IApplicationBuilder Use(Func<RequestDelegate, RequestDelegate> middleware) => inner.Use(middleware);

    public IApplicationBuilder New() => inner.New();

    public RequestDelegate Build() => inner.Build();
}
