namespace HomelabGate.Core.Manifest;

public sealed record DnsSpec
{
    public DnsProviderSpec Provider { get; set; } = new();

    public DnsAutoSpec? Auto { get; set; }

    public List<DnsRecordSpec>? Records { get; set; }
}

public sealed record DnsProviderSpec
{
    public string Type { get; set; } = "";

    public string? Server { get; set; }

    public string? Zone { get; set; }

    public TsigSpec? Tsig { get; set; }

    public string? Url { get; set; }

    public string? Password { get; set; }

    public string? Path { get; set; }

    public string? ReloadCommand { get; set; }
}

public sealed record DnsAutoSpec
{
    public string Target { get; set; } = "";

    public int? Ttl { get; set; }
}

public sealed record DnsRecordSpec
{
    public string Name { get; set; } = "";

    public string Type { get; set; } = "";

    public string Value { get; set; } = "";

    public int? Ttl { get; set; }

    public bool? Adopt { get; set; }
}

public sealed record StreamSpec
{
    public string Listen { get; set; } = "";

    public string To { get; set; } = "";

    public string? Certificate { get; set; }
}
