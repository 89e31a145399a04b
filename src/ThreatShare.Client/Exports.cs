using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ThreatShare.Client;

/// <summary>What to export (<c>GET /api/v1/exports/{format}</c>): the format and the filters.</summary>
/// <param name="Format">
/// <c>stix</c>, <c>csv</c>, <c>suricata</c>, <c>rpz</c>, or a block list: <c>ipv4</c>, <c>ipv6</c>, <c>domains</c>, <c>urls</c>,
/// <c>md5</c>, <c>sha1</c>, <c>sha256</c>, <c>sha512</c>.
/// </param>
public sealed record ExportQuery(string Format)
{
    /// <summary>Only these channels (e.g. <c>sector:finance</c>).</summary>
    public IReadOnlyList<string>? Channels { get; init; }

    /// <summary>Only these observable types (<c>ipv4</c>, <c>domain</c>, <c>sha256</c>, …).</summary>
    public IReadOnlyList<string>? Types { get; init; }

    /// <summary>The highest TLP level to include (<c>clear</c>, <c>green</c>, <c>amber</c>, <c>amber+strict</c>).</summary>
    public string? TlpCeiling { get; init; }

    /// <summary>Only versions the server stored after this instant.</summary>
    public DateTimeOffset? AddedAfter { get; init; }

    /// <summary>Only indicators with at least this <c>confidence</c> (0–100).</summary>
    public int? MinConfidence { get; init; }

    /// <summary>Only indicators sighted by at least this many organizations.</summary>
    public int? MinSightingOrganizations { get; init; }

    /// <summary>Include revoked indicators.</summary>
    public bool IncludeRevoked { get; init; }

    /// <summary>Include indicators whose <c>valid_until</c> has passed.</summary>
    public bool IncludeExpired { get; init; }

    /// <summary>The request path and query.</summary>
    public string ToPath()
    {
        var query = new List<string>();
        foreach (string channel in Channels ?? [])
        {
            query.Add("channel=" + Uri.EscapeDataString(channel));
        }
        foreach (string type in Types ?? [])
        {
            query.Add("type=" + Uri.EscapeDataString(type));
        }
        if (TlpCeiling is not null)
        {
            query.Add("tlp=" + Uri.EscapeDataString(TlpCeiling));
        }
        if (AddedAfter is { } after)
        {
            query.Add("added_after=" + Uri.EscapeDataString(after.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture)));
        }
        if (MinConfidence is { } confidence)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"min_confidence={confidence}"));
        }
        if (MinSightingOrganizations is { } sightings)
        {
            query.Add(string.Create(CultureInfo.InvariantCulture, $"min_sightings={sightings}"));
        }
        if (IncludeRevoked)
        {
            query.Add("include_revoked=true");
        }
        if (IncludeExpired)
        {
            query.Add("include_expired=true");
        }
        var path = new StringBuilder("api/v1/exports/").Append(Uri.EscapeDataString(Format));
        if (query.Count > 0)
        {
            path.Append('?').AppendJoin('&', query);
        }
        return path.ToString();
    }
}

/// <summary>How an export went.</summary>
/// <param name="NotModified">The server answered 304: the copy tagged with the given entity tag is current, nothing was written.</param>
/// <param name="ETag">The export's entity tag, for the next conditional request.</param>
/// <param name="Bytes">Bytes written to the destination.</param>
public sealed record ExportOutcome(bool NotModified, string? ETag, long Bytes);

public sealed partial class ThreatShareClient
{
    /// <summary>
    /// Streams an export into <paramref name="destination"/> as it arrives (<c>GET /api/v1/exports/{format}</c>). With
    /// <paramref name="ifNoneMatch"/> (the <see cref="ExportOutcome.ETag"/> of an earlier export of the same query), an
    /// unchanged export transfers nothing.
    /// </summary>
    /// <param name="query">The format and filters.</param>
    /// <param name="destination">Where the content goes.</param>
    /// <param name="ifNoneMatch">The entity tag of the copy already held, or null.</param>
    /// <param name="ct">Cancels the export.</param>
    /// <returns>Whether anything was written, and the entity tag.</returns>
    /// <exception cref="ThreatShareRequestException">The server refused the query (unknown format, bad filter, missing scope).</exception>
    /// <exception cref="ThreatShareAuthenticationException">The server refused the client's identity.</exception>
    /// <exception cref="ThreatShareUnreachableException">The server cannot be reached, or the transfer broke off (the content is then incomplete).</exception>
    public async Task<ExportOutcome> ExportAsync(ExportQuery query, Stream destination, string? ifNoneMatch, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(destination);
        string path = query.ToPath();
        using var response = await SendAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (ifNoneMatch is not null && EntityTagHeaderValue.TryParse(ifNoneMatch, out var tag))
            {
                request.Headers.IfNoneMatch.Add(tag);
            }
            return request;
        }, ct, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        string? etag = response.Headers.ETag?.ToString();
        if (response.StatusCode == HttpStatusCode.NotModified)
        {
            return new ExportOutcome(true, etag ?? ifNoneMatch, 0);
        }
        if (!response.IsSuccessStatusCode)
        {
            await EnsureSuccessAsync(response, ct).ConfigureAwait(false);
        }
        long bytes = 0;
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
            {
                await destination.WriteAsync(buffer.AsMemory(0, read), ct).ConfigureAwait(false);
                bytes += read;
            }
        }
        catch (Exception e) when (Http.IsNetworkFailure(e, ct))
        {
            // The server cuts the connection when an export fails part-way: what arrived is not the whole export.
            throw new ThreatShareUnreachableException($"the export broke off after {bytes:N0} bytes: {e.Message}", e);
        }
        return new ExportOutcome(false, etag, bytes);
    }
}
