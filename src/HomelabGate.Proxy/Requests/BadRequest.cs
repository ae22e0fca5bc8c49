using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.Proxy.Requests;

/// <summary>A 400 with a one-line reason, for requests the gate refuses before forwarding.</summary>
public static class BadRequest
{
    public static Task WriteAsync(HttpContext context, string reason, bool closeConnection = false)
    {
        var body = Encoding.UTF8.GetBytes($"400 Bad Request: {reason}\n");
        var response = context.Response;
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/plain; charset=utf-8";
        response.ContentLength = body.Length;
        if (closeConnection)
        {
            response.Headers.Connection = "close";
        }
        return response.Body.WriteAsync(body).AsTask();
    }
}
