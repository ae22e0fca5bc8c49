namespace HomelabGate.Core.Desired;

/// <summary>A name-based virtual host: which domains it answers and what it does with a request
/// (exactly one of <see cref="Upstream"/>, <see cref="Respond"/>, <see cref="Redirect"/>).</summary>
public sealed record ProxyHost : Resource
{
    public required string Name { get; init; }

    public required ValueList<string> Domains { get; init; }

    public string? Upstream { get; init; }

    public RespondAction? Respond { get; init; }

    public RedirectAction? Redirect { get; init; }

    public string? Certificate { get; init; }

    public string? AccessList { get; init; }

    public bool ForceHttps { get; init; }

    public HstsPolicy? Hsts { get; init; }

    public ValueList<HostLocation> Locations { get; set; } = ValueList<HostLocation>.Empty;

    public HeaderRules RequestHeaders { get; set; } = HeaderRules.None;

    public HeaderRules ResponseHeaders { get; set; } = HeaderRules.None;

    public bool SecurityHeaders { get; init; }

    /// <summary>Sent as <c>Content-Security-Policy</c> on every answer, proxied or our own.</summary>
    public string? ContentSecurityPolicy { get; init; }

    public bool PreserveHost { get; set; } = true;

    public long? MaxBodySize { get; init; }

    public ForwardAuthPolicy? ForwardAuth { get; init; }

    public RateLimitPolicy? RateLimit { get; init; }

    public bool Compression { get; init; }

    /// <summary>How long a request may take, answer included; past it the client gets 504.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Custom pages for the answers the gate gives itself (settings' and the host's own); null: the built-in ones.</summary>
    public ValueList<ErrorPageFile>? ErrorPages { get; init; }

    public override ResourceId Id => new(ResourceKind.Host, Name);

    public override string Summary => $"({string.Join(", ", Domains)})";
}

public sealed record RespondAction(int Status, string Body, string ContentType);

public sealed record RedirectAction(string To, int Status, bool PreservePath);

public sealed record HstsPolicy(long MaxAgeSeconds, bool IncludeSubDomains, bool Preload)
{
    public string HeaderValue =>
        $"max-age={MaxAgeSeconds}{(IncludeSubDomains ? "; includeSubDomains" : "")}{(Preload ? "; preload" : "")}";
}

/// <summary>A path prefix of a host routed to another upstream pool.</summary>
public sealed record HostLocation(string Path, string Upstream, bool StripPrefix);

public sealed record HeaderRules(ValueList<HeaderValue> Add, ValueList<string> Remove)
{
    public static HeaderRules None { get; } = new(ValueList<HeaderValue>.Empty, ValueList<string>.Empty);

    public bool IsEmpty => Add.Count == 0 && Remove.Count == 0;
}

public sealed record HeaderValue(string Name, string Value);
