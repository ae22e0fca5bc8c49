using System.Collections.Concurrent;
using HomelabGate.Acme.Http;
using HomelabGate.Acme.Keys;
using HomelabGate.Acme.Protocol;
using HomelabGate.Acme.Renewal;
using HomelabGate.Certificates.Storage;
using HomelabGate.Core.Desired;
using Microsoft.Extensions.Logging;

namespace HomelabGate.Certificates.Sources.Acme;

/// <summary>Asks the CA when to renew (RFC 9773 ACME Renewal Information) and remembers the answer per certificate until
/// its Retry-After, so reconciles do not poll. The point inside a window is picked once and kept while the CA suggests the
/// same window, so the decision is stable across reconciles. The point is derived from the certificate's ARI id (a hash:
/// uniform over certificates, as RFC 9773 §4.2 asks, yet the same in the daemon, <c>gate plan</c> and <c>gate drift</c>,
/// which therefore agree on "due"). Never blocks renewal: no ARI, or ARI that fails, gives no
/// rule, and the caller's one-third rule decides (a failure is logged once until ARI answers again).</summary>
public sealed partial class AcmeRenewalSchedule(TimeProvider time, ILogger<AcmeRenewalSchedule> logger, Func<AcmeSettings, HttpMessageHandler>? handlers = null)
{
    /// <summary>How long an answer without Retry-After (or "this CA has no ARI") is kept.</summary>
    public static readonly TimeSpan DefaultRecheck = TimeSpan.FromHours(6);

    /// <summary>How long to wait before asking again after ARI failed.</summary>
    public static readonly TimeSpan RecheckAfterFailure = TimeSpan.FromHours(1);

    // RFC 9773 §4.3: treat Retry-After under a minute as a minute and over a day as a day.
    private static readonly TimeSpan MinRecheck = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxRecheck = TimeSpan.FromDays(1);
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>The ARI rule for <paramref name="stored"/>, or null when the CA offers no renewal information or could not be asked.</summary>
    public async Task<AriRenewalRule?> RuleAsync(AcmeSettings settings, StoredCertificate stored, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        _entries.TryGetValue(stored.Name, out var entry);
        var id = CertificateIdOf(stored);
        if (entry is null || entry.CertificateId != id || now >= entry.RecheckAt)
        {
            entry = await RefreshAsync(settings, stored.Name, id, entry?.CertificateId == id ? entry : null, now, cancellationToken);
            _entries[stored.Name] = entry;
        }
        return entry.Window is { } window ? new AriRenewalRule(time, window, entry.Chosen) : null;
    }

    private async Task<Entry> RefreshAsync(AcmeSettings settings, string name, string id, Entry? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            var window = await FetchAsync(settings, id, cancellationToken);
            if (window is null)
            {
                return new Entry(id, null, default, now + DefaultRecheck, Failed: false);
            }
            var recheck = now + Clamp(window.RetryAfter ?? DefaultRecheck);
            if (previous?.Window is { } known && known.Start == window.Start && known.End == window.End)
            {
                return new Entry(id, window, previous.Chosen, recheck, Failed: false);
            }
            var chosen = window.Start + (window.End - window.Start) * PointInWindow(id);
            LogWindow(logger, name, window.Start, window.End, chosen);
            return new Entry(id, window, chosen, recheck, Failed: false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            if (previous is not { Failed: true })
            {
                LogFailed(logger, name, e.Message);
            }
            return new Entry(id, null, default, now + RecheckAfterFailure, Failed: true);
        }
    }

    private async Task<AcmeRenewalWindow?> FetchAsync(AcmeSettings settings, string id, CancellationToken cancellationToken)
    {
        if (id.Length == 0)
        {
            throw new InvalidOperationException("the certificate has no Authority Key Identifier, so it has no ARI certificate ID");
        }
        using var handler = handlers?.Invoke(settings) ?? AcmeHttpHandler.Create(settings.CaBundle is { } bundle ? AcmeHttpHandler.LoadPemBundle(bundle) : null);
        using var http = new HttpClient(handler, disposeHandler: false);
        // renewalInfo is an unauthenticated GET: a throwaway key, so the account store is neither read nor created.
        using var key = AccountKey.Create();
        var client = new AcmeClient(http, new AcmeClientOptions { DirectoryUrl = new Uri(settings.Directory), RequestTimeout = RequestTimeout }, key, time);
        return await client.GetRenewalInfoAsync(id, cancellationToken);
    }

    private static string CertificateIdOf(StoredCertificate stored)
    {
        try
        {
            return AcmeRenewalInfo.CertificateId(stored.Leaf);
        }
        catch (ArgumentException)
        {
            return "";
        }
    }

    /// <summary>A fraction in [0, 1) from the certificate id: stable per certificate, spread evenly across certificates.</summary>
    public static double PointInWindow(string certificateId) =>
        BitConverter.ToUInt64(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(certificateId)), 0) / (ulong.MaxValue + 1.0);

    private static TimeSpan Clamp(TimeSpan retryAfter) => retryAfter < MinRecheck ? MinRecheck : retryAfter > MaxRecheck ? MaxRecheck : retryAfter;

    [LoggerMessage(22, LogLevel.Warning, "Could not read the ACME renewal information (ARI) for certificate {Name}; the one-third-of-lifetime rule decides until it can: {Problem}")]
    private static partial void LogFailed(ILogger logger, string name, string problem);

    [LoggerMessage(23, LogLevel.Information, "The ACME CA suggests renewing certificate {Name} between {Start:u} and {End:u}; renewing at {Chosen:u}")]
    private static partial void LogWindow(ILogger logger, string name, DateTimeOffset start, DateTimeOffset end, DateTimeOffset chosen);

    /// <param name="Window">Null: the CA has no ARI, or asking failed (<paramref name="Failed"/>).</param>
    private sealed record Entry(string CertificateId, AcmeRenewalWindow? Window, DateTimeOffset Chosen, DateTimeOffset RecheckAt, bool Failed);
}
