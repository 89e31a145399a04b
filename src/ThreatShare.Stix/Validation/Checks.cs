using System.Globalization;
using System.Text.Json;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Validation;

/// <summary>Cross-property rules, as small reusable checks the catalog composes per type.</summary>
internal static class Checks
{
    /// <summary><paramref name="later"/> must not be before (or, when strict, must be after) <paramref name="earlier"/>.</summary>
    public static ObjectCheck Order(string earlier, string later, bool strict) => (in ObjectView obj, ValidationContext ctx) =>
    {
        if (obj.TryGetTimestamp(earlier, out var a) && obj.TryGetTimestamp(later, out var b) && (strict ? b <= a : b < a))
        {
            ctx.ErrorAt(later, strict ? $"'{later}' must be later than '{earlier}'" : $"'{later}' must not be earlier than '{earlier}'");
        }
    };

    /// <summary>At least one of the properties must be present.</summary>
    public static ObjectCheck AtLeastOne(params string[] names) => (in ObjectView obj, ValidationContext ctx) =>
    {
        foreach (string name in names)
        {
            if (obj.TryGet(name, out _))
            {
                return;
            }
        }
        ctx.Error($"at least one of {string.Join(", ", names)} must be present");
    };

    /// <summary>The two properties must not both be present.</summary>
    public static ObjectCheck NotBoth(string a, string b, string? why = null) => (in ObjectView obj, ValidationContext ctx) =>
    {
        if (obj.TryGet(a, out _) && obj.TryGet(b, out _))
        {
            ctx.ErrorAt(b, why ?? $"'{a}' and '{b}' must not both be present");
        }
    };

    /// <summary>Exactly one of the two properties must be present.</summary>
    public static ObjectCheck ExactlyOne(string a, string b) => (in ObjectView obj, ValidationContext ctx) =>
    {
        bool hasA = obj.TryGet(a, out _);
        bool hasB = obj.TryGet(b, out _);
        if (hasA && hasB)
        {
            ctx.ErrorAt(b, $"'{a}' and '{b}' must not both be present");
        }
        else if (!hasA && !hasB)
        {
            ctx.Error($"one of '{a}' or '{b}' must be present");
        }
    };

    /// <summary>When <paramref name="a"/> is present, <paramref name="b"/> must be too.</summary>
    public static ObjectCheck Requires(string a, string b) => (in ObjectView obj, ValidationContext ctx) =>
    {
        if (obj.TryGet(a, out _) && !obj.TryGet(b, out _))
        {
            ctx.ErrorAt(b, $"'{b}' is required when '{a}' is present");
        }
    };

    /// <summary>The object must have a property other than the common ones (process, registry key, certificate).</summary>
    public static ObjectCheck AnyOwnProperty(IReadOnlySet<string> common) => (in ObjectView obj, ValidationContext ctx) =>
    {
        foreach (var property in obj.Object.EnumerateObject())
        {
            if (!common.Contains(JsonText.SafePropertyName(property)) || property.NameEquals("extensions"))
            {
                return;
            }
        }
        ctx.Error($"a {ctx.CurrentType} object must have at least one property besides the common ones");
    };

    /// <summary>Indicator: a <c>stix</c> pattern must parse; the parser's findings are reported at <c>pattern</c>.</summary>
    public static void Pattern(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("pattern_type", out var type) || !JsonText.IsString(type, "stix") ||
            !obj.TryGet("pattern", out var pattern) || pattern.ValueKind != JsonValueKind.String ||
            JsonText.SafeGetString(pattern) is not { } text)
        {
            return;
        }
        if (text.Length > ctx.Limits.MaxPatternLength)
        {
            ctx.ErrorAt("pattern", $"the pattern is {text.Length} characters long, longer than the limit of {ctx.Limits.MaxPatternLength}");
            return;
        }
        var result = StixPatternParser.Parse(text, ctx.Limits);
        ctx.Push("pattern");
        foreach (var error in result.Errors)
        {
            ctx.Error($"{error.Message} (line {error.Line}, column {error.Column})");
        }
        foreach (var warning in result.Warnings)
        {
            ctx.Warning($"{warning.Message} (line {warning.Line}, column {warning.Column})");
        }
        ctx.Pop();
    }

    /// <summary>Malware: a malware family must have a name.</summary>
    public static void MalwareFamilyName(in ObjectView obj, ValidationContext ctx)
    {
        if (obj.TryGet("is_family", out var family) && family.ValueKind == JsonValueKind.True && !obj.TryGet("name", out _))
        {
            ctx.ErrorAt("name", "'name' is required when 'is_family' is true");
        }
    }

    /// <summary>Location: latitude and longitude go together; precision needs them; some place must be given.</summary>
    public static void Location(in ObjectView obj, ValidationContext ctx)
    {
        bool lat = obj.TryGet("latitude", out _);
        bool lon = obj.TryGet("longitude", out _);
        if (lat != lon)
        {
            ctx.ErrorAt(lat ? "longitude" : "latitude", "'latitude' and 'longitude' must be given together");
        }
        if (obj.TryGet("precision", out _) && !(lat && lon))
        {
            ctx.ErrorAt("precision", "'precision' requires 'latitude' and 'longitude'");
        }
        if (!lat && !lon && !obj.TryGet("region", out _) && !obj.TryGet("country", out _))
        {
            ctx.Error("a location needs at least one of 'region', 'country' or 'latitude' and 'longitude'");
        }
    }

    /// <summary>Email message: a multipart message has body_multipart and no body, and the reverse.</summary>
    public static void EmailBody(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("is_multipart", out var multipart))
        {
            return;
        }
        if (multipart.ValueKind == JsonValueKind.True && obj.TryGet("body", out _))
        {
            ctx.ErrorAt("body", "'body' must not be present when 'is_multipart' is true (use 'body_multipart')");
        }
        if (multipart.ValueKind == JsonValueKind.False && obj.TryGet("body_multipart", out _))
        {
            ctx.ErrorAt("body_multipart", "'body_multipart' must not be present when 'is_multipart' is false");
        }
    }

    /// <summary>Location: <c>country</c> should be an ISO 3166-1 alpha-2 code.</summary>
    public static void CountryCode(in ObjectView obj, ValidationContext ctx)
    {
        if (obj.TryGet("country", out var country) && country.ValueKind == JsonValueKind.String &&
            JsonText.SafeGetString(country) is { } code && !(code.Length == 2 && char.IsAsciiLetter(code[0]) && char.IsAsciiLetter(code[1])))
        {
            ctx.WarningAt("country", $"'{code}' should be an ISO 3166-1 alpha-2 country code (e.g. 'ch')");
        }
    }

    /// <summary>Network traffic: protocol names should be lowercase IANA service names.</summary>
    public static void LowercaseProtocols(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("protocols", out var protocols) || protocols.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        int i = 0;
        foreach (var protocol in protocols.EnumerateArray())
        {
            if (protocol.ValueKind == JsonValueKind.String && JsonText.SafeGetString(protocol) is { } name &&
                !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
            {
                ctx.Push("protocols");
                ctx.Push(i);
                ctx.Warning($"protocol '{name}' should be lowercase");
                ctx.Pop();
                ctx.Pop();
            }
            i++;
        }
    }

    /// <summary>Artifact and file: <c>mime_type</c> should be an IANA media type (<c>type/subtype</c>).</summary>
    public static void MediaType(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("mime_type", out var value) || value.ValueKind != JsonValueKind.String || JsonText.SafeGetString(value) is not { } text)
        {
            return;
        }
        int slash = text.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == text.Length - 1 || text.Contains(' ', StringComparison.Ordinal))
        {
            ctx.WarningAt("mime_type", $"'{text}' should be an IANA media type such as 'application/zip'");
        }
    }

    /// <summary>Network traffic: an active flow has no end yet.</summary>
    public static void ActiveTrafficHasNoEnd(in ObjectView obj, ValidationContext ctx)
    {
        if (obj.TryGet("is_active", out var active) && active.ValueKind == JsonValueKind.True && obj.TryGet("end", out _))
        {
            ctx.ErrorAt("end", "'end' must not be present when 'is_active' is true");
        }
    }

    /// <summary>Relationship type and kill-chain names: lowercase words joined by hyphens.</summary>
    public static ObjectCheck LowercaseHyphenated(string property, bool error) => (in ObjectView obj, ValidationContext ctx) =>
    {
        if (!obj.TryGet(property, out var value) || value.ValueKind != JsonValueKind.String || JsonText.SafeGetString(value) is not { } text)
        {
            return;
        }
        if (error && text.Length is < 3 or > 250)
        {
            ctx.ErrorAt(property, $"'{text}' must be 3 to 250 characters long");
            return;
        }
        foreach (char c in text)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '-')
            {
                string message = $"'{text}' should be lowercase with hyphens (a-z, 0-9, '-')";
                if (error)
                {
                    ctx.ErrorAt(property, $"'{text}' must contain only a-z, 0-9 and '-'");
                }
                else
                {
                    ctx.WarningAt(property, message);
                }
                return;
            }
        }
    };

    /// <summary>External reference: CVE and CAPEC references carry their identifiers in <c>external_id</c>.</summary>
    public static void ExternalReferenceIds(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("source_name", out var source) || source.ValueKind != JsonValueKind.String ||
            !obj.TryGet("external_id", out var idElement) || idElement.ValueKind != JsonValueKind.String ||
            JsonText.SafeGetString(idElement) is not { } id)
        {
            return;
        }
        if (JsonText.IsString(source, "cve") && !IsPrefixedNumber(id, "CVE-", yearPart: true))
        {
            ctx.ErrorAt("external_id", $"'{id}' is not a CVE identifier (CVE-YYYY-NNNN)");
        }
        else if (JsonText.IsString(source, "capec") && !IsPrefixedNumber(id, "CAPEC-", yearPart: false))
        {
            ctx.ErrorAt("external_id", $"'{id}' is not a CAPEC identifier (CAPEC-N)");
        }
    }

    /// <summary>Granular marking: exactly one of marking_ref and lang.</summary>
    public static void GranularMarking(in ObjectView obj, ValidationContext ctx)
    {
        bool marking = obj.TryGet("marking_ref", out _);
        bool lang = obj.TryGet("lang", out _);
        if (marking == lang)
        {
            ctx.Error(marking
                ? "a granular marking has either 'marking_ref' or 'lang', not both"
                : "a granular marking needs one of 'marking_ref' or 'lang'");
        }
    }

    /// <summary>Granular markings: every selector must refer to a property (or list item) present in the object.</summary>
    public static void Selectors(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("granular_markings", out var markings) || markings.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        int i = 0;
        foreach (var marking in markings.EnumerateArray())
        {
            if (marking.ValueKind == JsonValueKind.Object && marking.TryGetProperty("selectors", out var selectors) && selectors.ValueKind == JsonValueKind.Array)
            {
                int j = 0;
                foreach (var selector in selectors.EnumerateArray())
                {
                    if (selector.ValueKind == JsonValueKind.String && JsonText.SafeGetString(selector) is { } text && !Resolves(obj.Object, text))
                    {
                        ctx.Push("granular_markings");
                        ctx.Push(i);
                        ctx.Push("selectors");
                        ctx.Push(j);
                        ctx.Error($"selector '{text}' does not refer to a property of this object");
                        ctx.Pop();
                        ctx.Pop();
                        ctx.Pop();
                        ctx.Pop();
                    }
                    j++;
                }
            }
            i++;
        }
    }

    /// <summary>Resolves a selector such as <c>external_references.[0].source_name</c> against an object.</summary>
    private static bool Resolves(JsonElement root, string selector)
    {
        var current = root;
        foreach (string part in selector.Split('.'))
        {
            if (part.Length >= 3 && part[0] == '[' && part[^1] == ']')
            {
                if (current.ValueKind != JsonValueKind.Array ||
                    !int.TryParse(part.AsSpan(1, part.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out int index) ||
                    index >= current.GetArrayLength())
                {
                    return false;
                }
                current = current[index];
            }
            else if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(part, out current))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Marking definition: the definition matches its type; TLP 1.0 markings use their fixed identifiers.</summary>
    public static void MarkingDefinition(in ObjectView obj, ValidationContext ctx)
    {
        bool hasType = obj.TryGet("definition_type", out var type);
        bool hasDefinition = obj.TryGet("definition", out var definition);
        if (hasType != hasDefinition)
        {
            ctx.ErrorAt(hasType ? "definition" : "definition_type", "'definition_type' and 'definition' must be given together");
            return;
        }
        if (!hasType)
        {
            if (!obj.TryGet("extensions", out _))
            {
                ctx.Error("a marking definition needs 'definition_type' and 'definition', or an extension (e.g. TLP 2.0)");
            }
            return;
        }
        if (definition.ValueKind != JsonValueKind.Object)
        {
            ctx.ErrorAt("definition", $"'definition' must be an object, not {Engine.Describe(definition.ValueKind)}");
            return;
        }
        ctx.Push("definition");
        if (JsonText.IsString(type, "statement"))
        {
            Engine.ValidateObject(definition, Catalog.StatementMarking, ctx);
        }
        else if (JsonText.IsString(type, "tlp"))
        {
            Engine.ValidateObject(definition, Catalog.TlpMarking, ctx);
            if (definition.TryGetProperty("tlp", out var level) && level.ValueKind == JsonValueKind.String &&
                JsonText.SafeGetString(level) is { } name && Catalog.TlpIds.TryGetValue(name, out string? expected) &&
                obj.TryGet("id", out var id) && !JsonText.IsString(id, expected))
            {
                ctx.Pop();
                ctx.ErrorAt("id", $"the TLP:{name.ToUpperInvariant()} marking definition must have the identifier {expected}");
                return;
            }
        }
        else
        {
            ctx.Pop();
            ctx.WarningAt("definition_type", "definition_type is neither 'statement' nor 'tlp'; the definition is not checked");
            return;
        }
        ctx.Pop();
    }

    /// <summary>Extension definition: toplevel-property-extension needs the list of its properties.</summary>
    public static void ExtensionDefinition(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("extension_types", out var types) || types.ValueKind != JsonValueKind.Array)
        {
            return;
        }
        foreach (var t in types.EnumerateArray())
        {
            if (t.ValueKind == JsonValueKind.String && JsonText.IsString(t, "toplevel-property-extension") && !obj.TryGet("extension_properties", out _))
            {
                ctx.ErrorAt("extension_properties", "'extension_properties' is required for a toplevel-property-extension");
            }
        }
    }

    /// <summary>Language content: keys of <c>contents</c> are language tags, values dictionaries.</summary>
    public static void LanguageContents(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("contents", out var contents) || contents.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        ctx.Push("contents");
        foreach (var language in contents.EnumerateObject())
        {
            ctx.Push(language);
            if (!Formats.IsLanguageTag(JsonText.SafePropertyName(language)))
            {
                ctx.Error("keys of 'contents' must be RFC 5646 language tags");
            }
            if (language.Value.ValueKind != JsonValueKind.Object)
            {
                ctx.Error($"the content of a language must be a dictionary, not {Engine.Describe(language.Value.ValueKind)}");
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    /// <summary>Bundles have no spec_version in STIX 2.1 (it was a STIX 2.0 property).</summary>
    public static void BundleSpecVersion(in ObjectView obj, ValidationContext ctx)
    {
        if (obj.TryGet("spec_version", out _))
        {
            ctx.WarningAt("spec_version", "a STIX 2.1 bundle has no 'spec_version' (that was STIX 2.0); each object carries its own");
        }
    }

    /// <summary>Observed data: the deprecated <c>objects</c> dictionary holds cyber-observables, each with a type.</summary>
    public static void ObservedObjects(in ObjectView obj, ValidationContext ctx)
    {
        if (!obj.TryGet("objects", out var objects) || objects.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        ctx.Push("objects");
        foreach (var entry in objects.EnumerateObject())
        {
            ctx.Push(entry);
            if (entry.Value.ValueKind != JsonValueKind.Object || !entry.Value.TryGetProperty("type", out _))
            {
                ctx.Error("each entry of 'objects' must be a cyber-observable object with a 'type'");
            }
            ctx.Pop();
        }
        ctx.Pop();
    }

    private static bool IsPrefixedNumber(string id, string prefix, bool yearPart)
    {
        if (!id.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }
        var rest = id.AsSpan(prefix.Length);
        if (yearPart)
        {
            if (rest.Length < 9 || rest[4] != '-' || !IsDigits(rest[..4]))
            {
                return false;
            }
            rest = rest[5..];
            return rest.Length >= 4 && IsDigits(rest);
        }
        return rest.Length > 0 && IsDigits(rest);
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }
        return true;
    }
}
