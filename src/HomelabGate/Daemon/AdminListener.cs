using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HomelabGate.Daemon;

/// <summary>Marks every connection the admin listener accepts, so requests are dispatched by the listener that took
/// them — never by port number alone: a proxy listener on 127.0.0.2:P and the admin on 127.0.0.1:P share the port.</summary>
public sealed class AdminListener
{
    private static readonly AdminListener Mark = new();

    private AdminListener()
    {
    }

    public static void Configure(ListenOptions listen) => listen.Use(next => connection =>
    {
        connection.Features.Set(Mark);
        return next(connection);
    });

    /// <summary>Kestrel exposes connection features through each request's features.</summary>
    public static bool Accepted(HttpContext context) => context.Features.Get<AdminListener>() is not null;
}
