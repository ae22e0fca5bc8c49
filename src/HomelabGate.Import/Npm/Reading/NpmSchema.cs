namespace HomelabGate.Import.Npm.Reading;

/// <summary>The tables and columns this importer understands (NPM 2.x up to migration 20260131163528). Columns an older
/// NPM lacks read as their defaults; columns a newer NPM adds are reported, never silently ignored.</summary>
internal static class NpmSchema
{
    private static readonly string[] Common = ["id", "created_on", "modified_on", "owner_user_id", "is_deleted", "meta"];

    public static readonly IReadOnlyDictionary<string, string[]> Known = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["proxy_host"] = [.. Common, "domain_names", "forward_scheme", "forward_host", "forward_ip", "forward_port", "access_list_id",
            "certificate_id", "ssl_forced", "caching_enabled", "block_exploits", "advanced_config", "allow_websocket_upgrade",
            "http2_support", "enabled", "locations", "hsts_enabled", "hsts_subdomains", "trust_forwarded_proto"],
        ["redirection_host"] = [.. Common, "domain_names", "forward_domain_name", "forward_scheme", "forward_http_code", "preserve_path",
            "certificate_id", "ssl_forced", "block_exploits", "advanced_config", "http2_support", "enabled", "hsts_enabled", "hsts_subdomains"],
        ["dead_host"] = [.. Common, "domain_names", "certificate_id", "ssl_forced", "advanced_config", "http2_support", "enabled",
            "hsts_enabled", "hsts_subdomains"],
        ["stream"] = [.. Common, "incoming_port", "forwarding_host", "forward_ip", "forwarding_port", "tcp_forwarding", "udp_forwarding",
            "enabled", "certificate_id"],
        ["access_list"] = [.. Common, "name", "satisfy_any", "pass_auth"],
        ["access_list_auth"] = ["id", "created_on", "modified_on", "access_list_id", "username", "password", "meta"],
        ["access_list_client"] = ["id", "created_on", "modified_on", "access_list_id", "address", "directive", "meta"],
        ["certificate"] = [.. Common, "provider", "nice_name", "domain_names", "expires_on"],
        ["setting"] = ["id", "name", "description", "value", "meta"],
        ["migrations"] = ["id", "name", "batch", "migration_time"],
        ["user"] = ["id", "created_on", "modified_on", "is_deleted", "is_disabled", "email", "name", "nickname", "avatar", "roles"],
    };

    /// <summary>Without these the rows cannot be understood at all.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Required = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["proxy_host"] = ["id", "domain_names", "forward_port"],
        ["redirection_host"] = ["id", "domain_names", "forward_domain_name"],
        ["dead_host"] = ["id", "domain_names"],
        ["stream"] = ["id", "incoming_port", "forwarding_port"],
        ["access_list"] = ["id", "name"],
        ["access_list_auth"] = ["access_list_id", "username", "password"],
        ["access_list_client"] = ["access_list_id", "address", "directive"],
        ["certificate"] = ["id", "provider", "domain_names"],
    };
}
