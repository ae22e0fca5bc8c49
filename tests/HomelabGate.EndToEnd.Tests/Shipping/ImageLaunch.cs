namespace HomelabGate.EndToEnd.Tests.Shipping;

/// <summary>How the image starts the daemon, read from the Dockerfile (ENTRYPOINT + CMD, ENV over the base image's
/// environment, WORKDIR, a non-root USER) and mapped onto folders of this machine: /app → the published app,
/// /config → a read-only config folder, /data → a state folder.</summary>
public sealed class ImageLaunch(Dockerfile dockerfile, string app, string config, string data)
{
    /// <summary>What mcr.microsoft.com/dotnet/runtime-deps:10.0 itself sets that could change how the app starts.</summary>
    public static IReadOnlyDictionary<string, string> BaseImageEnvironment { get; } = new Dictionary<string, string>
    {
        ["APP_UID"] = "1654",
        ["ASPNETCORE_HTTP_PORTS"] = "8080",
        ["DOTNET_RUNNING_IN_CONTAINER"] = "true",
    };

    /// <summary>A container path (or a value that is one) on this machine.</summary>
    public string Map(string value)
    {
        foreach (var (inside, outside) in new[] { ("/app", app), ("/config", config), ("/data", data) })
        {
            if (value == inside || value.StartsWith(inside + "/", StringComparison.Ordinal))
            {
                return outside + value[inside.Length..];
            }
        }
        return value;
    }

    public IReadOnlyList<string> Command()
    {
        var entrypoint = dockerfile.Single("ENTRYPOINT").ExecForm().Select(Map).ToList();
        var command = dockerfile.Single("CMD").ExecForm().Select(Map);
        return NonRootUser.Command(entrypoint[0], [.. entrypoint.Skip(1), .. command]);
    }

    public string WorkingDirectory => Map(dockerfile.Single("WORKDIR").Arguments);

    public Dictionary<string, string> Environment()
    {
        var environment = new Dictionary<string, string>(BaseImageEnvironment);
        foreach (var (key, value) in dockerfile.Environment())
        {
            environment[key] = Map(value);
        }
        return environment;
    }

    public RunningGate Start(IReadOnlyDictionary<string, string>? extraEnvironment = null)
    {
        var environment = Environment();
        foreach (var (key, value) in extraEnvironment ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return new RunningGate(Command(), WorkingDirectory, environment, clearEnvironment: true);
    }
}
