namespace HomelabGate.Core.Manifest;

public sealed record DnsSpec
{
    public DnsProviderSpec Provider { get; init; } = new();

    public DnsAutoSpec? Auto { get; init; }

    public List<DnsRecordSpec>? Records { get; init; }
}

public sealed record DnsProviderSpec
{
    public string Type { get; init; } = "";

    public string? Server { get; init; }

    public string? Zone { get; init; }

    public TsigSpec? Tsig { get; init; }

    public string? Url { get; init; }

    public string? Password { get; init; }

    public string? Path { get; init; }

    public string? ReloadCommand { get; init; }
}

public sealed record DnsAutoSpec
{
    public string Target { get; init; } = "";

    public int? Ttl { get; init; }
}

public sealed record DnsRecordSpec
{
    public string Name { get; init; } = "";

    public string Type { get; init; } = "";

    public string Value { get; init; } = "";

    public int? Ttl { get; init; }

    public bool? Adopt { get; init; }
}

public sealed record StreamSpec
{
    public string Listen { get; init; } = "";

    public string To { get; init; } = "";

    public string? Certificate { get; init; }
}
