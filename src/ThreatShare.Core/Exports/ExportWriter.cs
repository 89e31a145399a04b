using System.Globalization;
using System.Runtime.CompilerServices;
using ThreatShare.Core.Findings;
using ThreatShare.Core.Lookup;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Exports;

/// <summary>What an export held, for its audit record.</summary>
/// <param name="Indicators">Indicators exported (for block lists: values, which stand for their indicators).</param>
/// <param name="Entries">Lines of content: objects, rows, rules, values or zone records.</param>
/// <param name="WarningListed">Values left out because a warning list holds them.</param>
public sealed record ExportCounts(long Indicators, long Entries, long WarningListed);

/// <summary>
/// Writes one export to text, batch by batch, flushing after each batch so that the receiver gets
/// data at once and memory stays bounded whatever the size.
/// </summary>
public sealed class ExportWriter(ExportSource source, ExportRequest request, WarningLists warnings)
{
    private long _indicators;
    private long _entries;
    private readonly StrongBox<int> _skipped = new();

    /// <summary>Writes <paramref name="format"/> to <paramref name="output"/>.</summary>
    public async Task<ExportCounts> WriteAsync(ExportFormat format, TextWriter output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        switch (format)
        {
            case ExportFormat.Stix:
                await WriteBundleAsync(output, ct);
                break;
            case ExportFormat.Csv:
                await WriteCsvAsync(output, ct);
                break;
            case ExportFormat.Suricata:
                await WriteRulesAsync(output, ct);
                break;
            case ExportFormat.Rpz:
                await WriteZoneAsync(output, ct);
                break;
            default:
                await WriteBlockListAsync(format.BlockKind() ?? throw new ArgumentOutOfRangeException(nameof(format)), output, ct);
                break;
        }
        await output.FlushAsync(ct);
        return new ExportCounts(_indicators, _entries, _skipped.Value);
    }

    private async Task WriteBundleAsync(TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync($"{{\"type\":\"bundle\",\"id\":\"bundle--{Guid.NewGuid()}\",\"objects\":[");
        bool first = true;
        await foreach (var batch in source.IndicatorsAsync(request, ExportSource.Extras.None, ct))
        {
            foreach (var indicator in batch)
            {
                await output.WriteAsync(first ? "\n" : ",\n");
                await output.WriteAsync(indicator.Json);
                first = false;
                _indicators++;
                _entries++;
            }
            await output.FlushAsync(ct);
        }
        await output.WriteAsync("\n]}\n");
    }

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
        ["value", "type", "indicator_id", "channel", "tlp", "confidence", "first_seen", "last_seen", "sighting_organizations"];

    private async Task WriteCsvAsync(TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(string.Join(',', CsvColumns) + "\r\n");
        await foreach (var batch in source.IndicatorsAsync(request, ExportSource.Extras.Sightings, ct))
        {
            foreach (var indicator in batch)
            {
                _indicators++;
                string confidence = indicator.Confidence?.ToString(CultureInfo.InvariantCulture) ?? "";
                string first = Time(indicator.Sightings.FirstSeen), last = Time(indicator.Sightings.LastSeen);
                string organizations = indicator.Sightings.Organizations.ToString(CultureInfo.InvariantCulture);
                foreach (var value in indicator.Values)
                {
                    await output.WriteAsync(string.Join(',',
                        Csv(value.Value.Value), value.Value.Kind.Name(), indicator.StixId, Csv(indicator.Channel), Csv(indicator.Tlp.ToName()),
                        confidence, first, last, organizations) + "\r\n");
                    _entries++;
                }
            }
            await output.FlushAsync(ct);
        }
    }

    private async Task WriteRulesAsync(TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(SuricataRules.Header(request.Now));
        var hashes = new HashSet<ObservableKind>();
        await foreach (var batch in source.IndicatorsAsync(request, ExportSource.Extras.Revisions, ct))
        {
            foreach (var indicator in batch)
            {
                bool any = false;
                foreach (var value in indicator.Values)
                {
                    if (ExportValues.WarningOf(value.Value, warnings) is not null)
                    {
                        _skipped.Value++;
                        continue;
                    }
                    if (SuricataRules.HashList(value.Value.Kind) is not null)
                    {
                        hashes.Add(value.Value.Kind);
                        any = true;
                        continue;
                    }
                    foreach (string rule in SuricataRules.For(indicator, value))
                    {
                        await output.WriteAsync(rule + "\n");
                        _entries++;
                        any = true;
                    }
                }
                if (any)
                {
                    _indicators++;
                }
            }
            await output.FlushAsync(ct);
        }
        foreach (var kind in hashes.Order())
        {
            await output.WriteAsync(SuricataRules.HashRule(kind) + "\n");
            _entries++;
        }
    }

    private async Task WriteZoneAsync(TextWriter output, CancellationToken ct)
    {
        await output.WriteAsync(ResponsePolicyZone.Header(request.Now));
        await foreach (var batch in source.ValuesAsync(request, ObservableKind.Domain, warnings, _skipped, ct))
        {
            foreach (var domain in batch)
            {
                if (ResponsePolicyZone.Records(domain.Value) is { } records)
                {
                    await output.WriteAsync(records);
                    _indicators++;
                    _entries += 2;
                }
            }
            await output.FlushAsync(ct);
        }
    }

    private async Task WriteBlockListAsync(ObservableKind kind, TextWriter output, CancellationToken ct)
    {
        await foreach (var batch in source.ValuesAsync(request, kind, warnings, _skipped, ct))
        {
            foreach (var value in batch)
            {
                await output.WriteAsync(value.Value + "\n");
                _indicators++;
                _entries++;
            }
            await output.FlushAsync(ct);
        }
    }

    private static string Time(DateTime? at) =>
        at is { } t ? DateTime.SpecifyKind(t, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) : "";

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break.</summary>
    public static string Csv(string field)
    {
        ArgumentNullException.ThrowIfNull(field);
        return field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
    }
}

/// <summary>
/// The DNS response-policy zone of the domain block list: for each domain, the domain and its
/// subdomains answer NXDOMAIN (<c>CNAME .</c>). Owner names are relative, so the zone loads under
/// whatever name the resolver gives it.
/// </summary>
public static class ResponsePolicyZone
{
    /// <summary>The longest zone name (origin) the records leave room for.</summary>
    public const int MaxOriginLength = 60;

    /// <summary>The zone's SOA and NS records; the serial is the export time in seconds since 1970 (it grows between exports).</summary>
    public static string Header(DateTime now)
    {
        long serial = new DateTimeOffset(DateTime.SpecifyKind(now, DateTimeKind.Utc)).ToUnixTimeSeconds() & 0xFFFFFFFF;
        return string.Create(CultureInfo.InvariantCulture,
            $"; ThreatShare response-policy zone: domains answer NXDOMAIN, with their subdomains.\n$TTL 300\n@ IN SOA localhost. hostmaster.localhost. ( {serial} 3600 600 86400 300 )\n@ IN NS localhost.\n");
    }

    /// <summary>The two records of a domain, or null when the name would not fit under an origin of <see cref="MaxOriginLength"/> characters.</summary>
    public static string? Records(string domain)
    {
        ArgumentNullException.ThrowIfNull(domain);
        // A wire name holds at most 255 octets: the name, "*.", the origin and the dots between.
        return domain.Length + 2 + 1 + MaxOriginLength + 1 > 254 ? null : $"{domain} CNAME .\n*.{domain} CNAME .\n";
    }
}
