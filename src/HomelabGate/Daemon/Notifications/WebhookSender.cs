using System.Net.Http.Headers;
using System.Text;
using System.Threading.Channels;
using HomelabGate.Core.Desired;
using HomelabGate.Core.Secrets;
using HomelabGate.Daemon.Health;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Daemon.Notifications;

/// <summary>Delivers notifications one by one, in order, on its own task: a webhook that is down or slow holds up only
/// its own queue (100 at most; the oldest goes first), never a reconcile. A failed delivery is tried again after 2 s,
/// 4 s, 8 s … up to 5 min between attempts, ten attempts in all; secret references in the URL and headers are read
/// at each attempt and never logged.</summary>
public sealed class WebhookSender : IDisposable
{
    private const int Capacity = 100;
    private const int Attempts = 10;
    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(5);

    private readonly ISecretResolver _secrets;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookSender> _logger;
    private readonly Channel<Delivery> _queue;
    private readonly HttpClient _http = new(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5) }) { Timeout = TimeSpan.FromSeconds(10) };

    public WebhookSender(ISecretResolver secrets, TimeProvider time, ILogger<WebhookSender> logger)
    {
        (_secrets, _time, _logger) = (secrets, time, logger);
        _queue = Channel.CreateBounded<Delivery>(new BoundedChannelOptions(Capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            dropped => NotificationLog.Dropped(_logger, dropped.Notification.Title));
    }

    public void Enqueue(Notification notification, NotificationSettings settings, string manifest) =>
        _queue.Writer.TryWrite(new Delivery(notification, settings, manifest));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await foreach (var delivery in _queue.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await DeliverAsync(delivery, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken cancellationToken)
    {
        var (notification, settings, manifest) = delivery;
        var webhook = Describe(settings.Url);
        var body = WebhookPayload.Json(notification, manifest);
        for (var attempt = 1; ; attempt++)
        {
            string problem;
            try
            {
                using var request = Request(settings, body);
                using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    NotificationLog.Sent(_logger, webhook, WebhookPayload.Spelled(notification.Event), notification.Title);
                    return;
                }
                problem = $"it answered {(int)response.StatusCode}";
            }
            catch (SecretUnavailableException e)
            {
                NotificationLog.Unusable(_logger, e.Message, notification.Title);
                return;
            }
            catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                problem = TargetProblem.Describe(e);
            }
            if (attempt == Attempts)
            {
                NotificationLog.GaveUp(_logger, webhook, notification.Title, attempt, problem);
                return;
            }
            var delay = TimeSpan.FromTicks(Math.Min(LongestDelay.Ticks, FirstDelay.Ticks << (attempt - 1)));
            NotificationLog.Retrying(_logger, webhook, notification.Title, problem, CompactDurationConverter.Format(delay));
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private HttpRequestMessage Request(NotificationSettings settings, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Resolve(settings.Url))
        {
            Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        foreach (var header in settings.Headers)
        {
            request.Headers.TryAddWithoutValidation(header.Name, Resolve(header.Value));
        }
        return request;
    }

    private string Resolve(string value) => SecretReference.TryParse(value, out var reference) ? _secrets.Resolve(reference) : value;

    /// <summary>For logs: a reference as written, a URL by scheme, host and port only (a chat webhook's path is its token;
    /// a user and password are left out too).</summary>
    public static string Describe(string url) =>
        SecretReference.TryParse(url, out var reference) ? reference.Expression
        : Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}"
        : "(unusable URL)";

    public void Dispose() => _http.Dispose();

    private sealed record Delivery(Notification Notification, NotificationSettings Settings, string Manifest);
}
