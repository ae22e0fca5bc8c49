using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace HomelabGate.EndToEnd.Tests.Features;

/// <summary>An upstream's WebSocket endpoint: accepts the upgrade and answers each text message with
/// <c>prefix + message</c> until the client closes.</summary>
internal static class WebSocketEcho
{
    public static async Task ServeAsync(HttpContext context, string prefix)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[256];
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, context.RequestAborted);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", context.RequestAborted);
                return;
            }
            var answer = Encoding.UTF8.GetBytes(prefix + Encoding.UTF8.GetString(buffer, 0, received.Count));
            await socket.SendAsync(answer, WebSocketMessageType.Text, endOfMessage: true, context.RequestAborted);
        }
    }
}
