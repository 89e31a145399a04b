using System.Net;
using System.Text.Json;
using ThreatShare.Core.Submissions;
using ThreatShare.Stix;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Core.Findings;

/// <summary>
/// The automatic checks of DESIGN.md pipeline step 2: warning-list hits in patterns and observables,
/// personal data in free text, and content inconsistent with itself. They find, they never reject:
/// routing decides what a finding means for the submitter's tier.
/// </summary>
public static class FindingDetectors
{
    /// <summary>Kind of a warning-list hit.</summary>
    public const string WarningList = "warning-list";

    /// <summary>Kind of personal data in free text.</summary>
    public const string PersonalDataKind = "personal-data";

    /// <summary>Kind of content inconsistent with itself or its time.</summary>
    public const string Consistency = "consistency";

    private static readonly string[] FreeText = ["name", "description", "abstract", "content", "explanation"];

    /// <summary>The findings of one bundle object at <paramref name="path"/>.</summary>
    public static IEnumerable<Finding> Inspect(JsonElement obj, string path, WarningLists lists, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(lists);
        if (obj.ValueKind != JsonValueKind.Object || !obj.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            yield break;
        }
        string type = typeElement.GetString()!;
        // Free text is what people write about a threat; an observable's own values (a phishing sender's address) are the threat.
        if (obj.TryGetProperty("created", out _))
        {
            foreach (var finding in PersonalDataIn(obj, path))
            {
                yield return finding;
            }
        }
        if (type == "indicator")
        {
            if (Text(obj, "pattern_type") == "stix" && Text(obj, "pattern") is { } pattern
                && StixPatternParser.Parse(pattern) is { IsValid: true, Pattern: { } parsed })
            {
                foreach (var observable in parsed.ExtractObservables())
                {
                    if (Listed(observable.ObjectType, observable.Path, observable.Value, observable.Kind == PatternObservableKind.Cidr, lists) is { } note)
                    {
                        yield return new Finding(WarningList, path + ".pattern", $"the pattern looks for {observable.ObjectType}:{observable.Path} '{observable.Value}', which is on a warning list: {note}");
                    }
                }
            }
            if (Text(obj, "valid_until") is { } until && StixTimestamp.TryParse(until, out var end) && end.Value <= now)
            {
                yield return new Finding(Consistency, path + ".valid_until", "the indicator has already expired");
            }
        }
        if (Text(obj, "value") is { } value && Listed(type, "value", value, cidr: value.Contains('/', StringComparison.Ordinal), lists) is { } valueNote)
        {
            yield return new Finding(WarningList, path + ".value", $"'{value}' is on a warning list: {valueNote}");
        }
        if (obj.TryGetProperty("hashes", out var hashes) && hashes.ValueKind == JsonValueKind.Object)
        {
            foreach (var hash in hashes.EnumerateObject())
            {
                if (hash.Value.ValueKind == JsonValueKind.String && lists.OfHash(hash.Value.GetString()!) is { } hashNote)
                {
                    yield return new Finding(WarningList, $"{path}.hashes.'{hash.Name}'", $"the hash is on a warning list: {hashNote}");
                }
            }
        }
    }

    /// <summary>Why a value of an observable type is on a warning list, or null.</summary>
    public static string? Listed(string objectType, string propertyPath, string value, bool cidr, WarningLists lists)
    {
        ArgumentNullException.ThrowIfNull(lists);
        switch (objectType)
        {
            case "ipv4-addr" or "ipv6-addr" when propertyPath == "value":
                return cidr ? (IPNetwork.TryParse(value, out var block) ? lists.OfRange(block) : null)
                    : IPAddress.TryParse(value, out var address) ? lists.OfAddress(address) : null;
            case "domain-name" when propertyPath == "value":
                return lists.OfDomain(value);
            case "url" when propertyPath == "value":
                return Uri.TryCreate(value, UriKind.Absolute, out var uri)
                    ? (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var host) ? lists.OfAddress(host) : lists.OfDomain(uri.IdnHost))
                    : null;
            case "email-addr" when propertyPath == "value":
                int at = value.LastIndexOf('@');
                return at > 0 ? lists.OfDomain(value[(at + 1)..]) : null;
            case "file" or "artifact" or "x509-certificate" when propertyPath.StartsWith("hashes.", StringComparison.Ordinal):
                return lists.OfHash(value);
            default:
                return null;
        }
    }

    /// <summary>Personal data in the free-text properties (names, descriptions, note and opinion text, labels, external reference descriptions).</summary>
    private static IEnumerable<Finding> PersonalDataIn(JsonElement obj, string path)
    {
        foreach (string property in FreeText)
        {
            if (Text(obj, property) is { } text)
            {
                foreach (string hit in PersonalData.Find(text))
                {
                    yield return new Finding(PersonalDataKind, $"{path}.{property}", $"free text holds {hit}");
                }
            }
        }
        if (obj.TryGetProperty("labels", out var labels) && labels.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var label in labels.EnumerateArray())
            {
                if (label.ValueKind == JsonValueKind.String)
                {
                    foreach (string hit in PersonalData.Find(label.GetString()!))
                    {
                        yield return new Finding(PersonalDataKind, $"{path}.labels[{i}]", $"a label holds {hit}");
                    }
                }
                i++;
            }
        }
        if (obj.TryGetProperty("external_references", out var references) && references.ValueKind == JsonValueKind.Array)
        {
            int i = 0;
            foreach (var reference in references.EnumerateArray())
            {
                if (Text(reference, "description") is { } text)
                {
                    foreach (string hit in PersonalData.Find(text))
                    {
                        yield return new Finding(PersonalDataKind, $"{path}.external_references[{i}].description", $"an external reference holds {hit}");
                    }
                }
                i++;
            }
        }
    }

    private static string? Text(JsonElement obj, string property) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
