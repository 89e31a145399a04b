using System.Buffers.Text;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using ThreatShare.Stix.Vocabularies;

namespace ThreatShare.Stix.Validation;

/// <summary>
/// The generic engine: walks a JSON object against its <see cref="ObjectDescriptor"/>, checks every
/// property value against its <see cref="PropertyRule"/>, then runs the descriptor's cross-property checks.
/// Recursion follows the descriptors (finite), never the input, so it is bounded whatever the document.
/// </summary>
internal static class Engine
{
    private static readonly string[] ReservedPropertyNames = ["severity", "action", "username", "phone_numbers"];

    /// <summary>Validates a top-level STIX object (or the bundle when <paramref name="inBundle"/> is false).</summary>
    public static void ValidateStixObject(JsonElement obj, ValidationContext ctx, bool inBundle)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            ctx.Error($"a STIX object must be a JSON object, not {Describe(obj.ValueKind)}");
            return;
        }
        if (!obj.TryGetProperty("type", out var typeElement))
        {
            ctx.ErrorAt("type", "required property 'type' is missing");
            return;
        }
        string? type = typeElement.ValueKind == JsonValueKind.String ? JsonText.SafeGetString(typeElement) : null;
        if (type is null)
        {
            ctx.ErrorAt("type", "'type' must be a string");
            return;
        }
        if (!StixNames.IsValidTypeName(type))
        {
            ctx.ErrorAt("type", $"'{type}' is not a valid type name: 3 to 250 characters of a-z, 0-9 and '-', without '--'");
            return;
        }
        if (type == "action")
        {
            ctx.ErrorAt("type", "'action' is a reserved object type of STIX 2.1 and must not be used");
            return;
        }
        if (type == "bundle" && inBundle)
        {
            ctx.ErrorAt("type", "a bundle cannot contain a bundle");
            return;
        }

        var descriptor = type == "bundle" ? Catalog.Bundle : Catalog.ByType.GetValueOrDefault(type) ?? CustomDescriptor(obj, type, ctx);
        string? outerType = ctx.CurrentType;
        var outerCategory = ctx.CurrentCategory;
        ctx.CurrentType = type;
        ctx.CurrentCategory = descriptor.Category;
        ValidateObject(obj, descriptor, ctx);
        ctx.CurrentType = outerType;
        ctx.CurrentCategory = outerCategory;
    }

    /// <summary>Checks the properties of <paramref name="obj"/> against <paramref name="descriptor"/>.</summary>
    public static void ValidateObject(JsonElement obj, ObjectDescriptor descriptor, ValidationContext ctx)
    {
        if (obj.ValueKind != JsonValueKind.Object)
        {
            ctx.Error($"must be a JSON object ({descriptor.Name}), not {Describe(obj.ValueKind)}");
            return;
        }
        ulong seen = 0;
        ulong timesOk = 0;
        bool? toplevelExtension = null;
        var values = default(ElementBuffer);
        var times = default(TimestampBuffer);
        Span<char> buffer = stackalloc char[64];
        foreach (var property in obj.EnumerateObject())
        {
            int index;
            bool found;
            var raw = JsonMarshal.GetRawUtf8PropertyName(property);
            if (raw.Length <= buffer.Length && Ascii.IsValid(raw) && raw.IndexOf((byte)'\\') < 0)
            {
                // Plain ASCII names (all STIX names) are looked up without allocating a string.
                Ascii.ToUtf16(raw, buffer, out int written);
                found = descriptor.TryFind(buffer[..written], out index);
            }
            else
            {
                found = descriptor.TryFind(JsonText.SafePropertyName(property), out index);
            }
            if (found)
            {
                seen |= 1UL << index;
                values[index] = property.Value;
                var rule = descriptor.Rules[index];
                ctx.Push(rule.Name);
                if (rule.Deprecated is not null)
                {
                    ctx.Warning(rule.Deprecated);
                }
                if (rule.Kind == PropertyKind.Timestamp && !rule.IsList)
                {
                    if (CheckTimestamp(property.Value, rule, ctx, out times[index]))
                    {
                        timesOk |= 1UL << index;
                    }
                }
                else
                {
                    CheckValue(property.Value, rule, ctx);
                }
                ctx.Pop();
            }
            else
            {
                toplevelExtension ??= descriptor.Unknown == UnknownPropertyPolicy.Custom && HasToplevelExtension(obj);
                CheckUnknownProperty(property, descriptor, toplevelExtension.Value, ctx);
            }
        }
        ulong missing = descriptor.RequiredMask & ~seen;
        while (missing != 0)
        {
            int i = System.Numerics.BitOperations.TrailingZeroCount(missing);
            missing &= missing - 1;
            ctx.ErrorAt(descriptor.Rules[i].Name, $"required property '{descriptor.Rules[i].Name}' of {descriptor.Name} is missing");
        }
        if (descriptor.Checks.Length > 0)
        {
            var view = new ObjectView(obj, descriptor, values, seen, times, timesOk);
            foreach (var check in descriptor.Checks)
            {
                check(in view, ctx);
            }
        }
    }

    /// <summary>Checks one property value (a list or a single value).</summary>
    public static void CheckValue(JsonElement value, PropertyRule rule, ValidationContext ctx)
    {
        if (!rule.IsList)
        {
            CheckSingle(value, rule, ctx);
            return;
        }
        if (value.ValueKind != JsonValueKind.Array)
        {
            ctx.Error($"'{rule.Name}' must be a list, not {Describe(value.ValueKind)}");
            return;
        }
        int count = value.GetArrayLength();
        if (count == 0)
        {
            ctx.Error($"'{rule.Name}' is an empty list: empty lists are not allowed, omit the property instead");
            return;
        }
        if (rule.Kind == PropertyKind.StixObject && count > ctx.Limits.MaxBundleObjects)
        {
            ctx.Error($"the bundle holds {count} objects, more than the limit of {ctx.Limits.MaxBundleObjects}");
            return;
        }
        int i = 0;
        foreach (var item in value.EnumerateArray())
        {
            ctx.Push(i++);
            CheckSingle(item, rule, ctx);
            ctx.Pop();
            if (ctx.Aborted)
            {
                return;
            }
        }
    }

    private static void CheckSingle(JsonElement value, PropertyRule rule, ValidationContext ctx)
    {
        switch (rule.Kind)
        {
            case PropertyKind.Any:
                return;
            case PropertyKind.String:
                if (value.ValueKind != JsonValueKind.String)
                {
                    ctx.Error($"'{rule.Name}' must be a string, not {Describe(value.ValueKind)}");
                }
                return;
            case PropertyKind.Url:
                if (GetString(value, rule, ctx) is { } url && !Uri.TryCreate(url, UriKind.Absolute, out _))
                {
                    ctx.Warning($"'{url}' is not an absolute URL");
                }
                return;
            case PropertyKind.Timestamp:
                CheckTimestamp(value, rule, ctx, out _);
                return;
            case PropertyKind.Identifier:
                CheckReference(value, rule, ctx);
                return;
            case PropertyKind.Id:
                CheckId(value, ctx);
                return;
            case PropertyKind.Integer:
                CheckInteger(value, rule, ctx);
                return;
            case PropertyKind.Number:
                if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out double d))
                {
                    ctx.Error($"must be a number, not {Describe(value.ValueKind)}");
                }
                else if (d < rule.MinNumber || d > rule.MaxNumber)
                {
                    ctx.Error($"{d.ToString(CultureInfo.InvariantCulture)} is out of range: must be between {rule.MinNumber.ToString(CultureInfo.InvariantCulture)} and {rule.MaxNumber.ToString(CultureInfo.InvariantCulture)}");
                }
                return;
            case PropertyKind.Boolean:
                if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    ctx.Error($"must be a boolean (true or false), not {Describe(value.ValueKind)}");
                }
                return;
            case PropertyKind.Vocabulary:
                CheckVocabulary(value, rule, ctx);
                return;
            case PropertyKind.Dictionary:
                CheckDictionary(value, ctx);
                return;
            case PropertyKind.Hashes:
                Formats.CheckHashes(value, ctx);
                return;
            case PropertyKind.Object:
                // Nested is always set for Object rules by the catalog builders.
                ValidateObject(value, rule.Nested!, ctx);
                return;
            case PropertyKind.Binary:
                if (GetString(value, rule, ctx) is { } b64 && !Base64.IsValid(b64))
                {
                    ctx.Error("must be base64-encoded binary (RFC 4648)");
                }
                return;
            case PropertyKind.Hex:
                if (GetString(value, rule, ctx) is { } hex && !Formats.IsHex(hex))
                {
                    ctx.Error("must be hexadecimal: an even number of characters 0-9, a-f, A-F");
                }
                return;
            case PropertyKind.LanguageTag:
                if (GetString(value, rule, ctx) is { } tag && !Formats.IsLanguageTag(tag))
                {
                    ctx.Error($"'{tag}' is not an RFC 5646 language tag (e.g. 'en', 'de-CH', 'zh-Hant-TW')");
                }
                return;
            case PropertyKind.SpecVersion:
                if (GetString(value, rule, ctx) is { } version && version != "2.1")
                {
                    ctx.Error($"spec_version must be \"2.1\", not \"{version}\"");
                }
                return;
            case PropertyKind.Extensions:
                Extensions.Check(value, ctx);
                return;
            case PropertyKind.Reserved:
                ctx.Error($"'{rule.Name}' is reserved by STIX 2.1 for future use and must not be present");
                return;
            case PropertyKind.StixObject:
                ValidateStixObject(value, ctx, inBundle: true);
                return;
            default:
                return;
        }
    }

    public static string? GetString(JsonElement value, PropertyRule rule, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            ctx.Error($"'{rule.Name}' must be a string, not {Describe(value.ValueKind)}");
            return null;
        }
        return JsonText.SafeGetString(value);
    }

    private static bool CheckTimestamp(JsonElement value, PropertyRule rule, ValidationContext ctx, out StixTimestamp timestamp)
    {
        timestamp = default;
        if (value.ValueKind != JsonValueKind.String)
        {
            ctx.Error($"'{rule.Name}' must be a string, not {Describe(value.ValueKind)}");
            return false;
        }
        Span<char> buffer = stackalloc char[40];
        ReadOnlySpan<char> text = JsonText.TryGetAscii(value, buffer, out int length) ? buffer[..length] : JsonText.SafeGetString(value);
        if (!StixTimestamp.TryParse(text, out timestamp, out string? error))
        {
            ctx.Error($"'{text}' is not a STIX timestamp: {error}");
            return false;
        }
        if (timestamp.Precision < rule.MinPrecision)
        {
            ctx.Error($"'{text}' must be precise to at least the millisecond (3 fractional-second digits)");
            return false;
        }
        return true;
    }

    private static void CheckReference(JsonElement value, PropertyRule rule, ValidationContext ctx)
    {
        if (GetString(value, rule, ctx) is not { } text)
        {
            return;
        }
        if (!StixIdentifier.TryParse(text, out var id, out string? error))
        {
            ctx.Error($"'{text}' is not a STIX identifier: {error}");
            return;
        }
        if (rule.Target is { Types.Count: > 0 } target && !target.Types.Contains(id.Type) &&
            !(target.AllowCustomTypes && !Catalog.ByType.ContainsKey(id.Type)))
        {
            ctx.Error($"'{rule.Name}' must refer to {target.Description}, not to {id.Type}");
        }
    }

    private static void CheckId(JsonElement value, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.String || JsonText.SafeGetString(value) is not { } text)
        {
            ctx.Error($"'id' must be a string, not {Describe(value.ValueKind)}");
            return;
        }
        if (!StixIdentifier.TryParse(text, out var id, out string? error))
        {
            ctx.Error($"'{text}' is not a STIX identifier: {error}");
            return;
        }
        if (ctx.CurrentType is { } type && !string.Equals(id.Type, type, StringComparison.Ordinal))
        {
            ctx.Error($"the identifier type '{id.Type}' must equal the object type '{type}'");
        }
        switch (ctx.CurrentCategory)
        {
            // Types without id-contributing properties (process) rightly use a random UUIDv4.
            case ObjectCategory.Sco when id.UuidVersion != 5 && ScoIdentifiers.GetContributingProperties(id.Type) is { Count: > 0 }:
                ctx.Warning($"cyber-observable identifiers should use a deterministic UUIDv5, not version {id.UuidVersion}");
                break;
            case ObjectCategory.Sdo or ObjectCategory.Sro or ObjectCategory.Meta or ObjectCategory.Bundle when id.UuidVersion != 4:
                ctx.Warning($"identifiers of domain, relationship and meta objects should use a random UUIDv4, not version {id.UuidVersion}");
                break;
            default:
                break;
        }
    }

    private static void CheckInteger(JsonElement value, PropertyRule rule, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            ctx.Error($"'{rule.Name}' must be an integer, not {Describe(value.ValueKind)}");
            return;
        }
        if (!value.TryGetInt64(out long n))
        {
            ctx.Error($"'{rule.Name}' must be an integer (no fraction or exponent), not {value.GetRawText()}");
            return;
        }
        if (n < rule.MinInteger || n > rule.MaxInteger)
        {
            string range = rule.MaxInteger == long.MaxValue
                ? $"at least {rule.MinInteger.ToString(CultureInfo.InvariantCulture)}"
                : $"between {rule.MinInteger.ToString(CultureInfo.InvariantCulture)} and {rule.MaxInteger.ToString(CultureInfo.InvariantCulture)}";
            ctx.Error($"'{rule.Name}' is {n.ToString(CultureInfo.InvariantCulture)}, must be {range}");
        }
    }

    private static void CheckVocabulary(JsonElement value, PropertyRule rule, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            ctx.Error($"'{rule.Name}' must be a string, not {Describe(value.ValueKind)}");
            return;
        }
        if (rule.Vocabulary is not { } vocabulary)
        {
            return;
        }
        Span<char> buffer = stackalloc char[64];
        if (JsonText.TryGetAscii(value, buffer, out int length) && vocabulary.Contains(buffer[..length]))
        {
            return;
        }
        string? text = JsonText.SafeGetString(value);
        if (text is null || vocabulary.Contains(text))
        {
            return;
        }
        if (vocabulary.IsOpen)
        {
            ctx.Warning($"'{text}' is not in the open vocabulary {vocabulary.Name}");
        }
        else
        {
            ctx.Error($"'{text}' is not a value of {vocabulary.Name}: expected one of {string.Join(", ", vocabulary.Values)}");
        }
    }

    /// <summary>A STIX dictionary: a non-empty object whose keys are at most 250 ASCII letters, digits, '-' or '_'.</summary>
    public static void CheckDictionary(JsonElement value, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            ctx.Error($"must be a dictionary (JSON object), not {Describe(value.ValueKind)}");
            return;
        }
        bool any = false;
        foreach (var property in value.EnumerateObject())
        {
            any = true;
            string key = JsonText.SafePropertyName(property);
            if (key.Length > 250)
            {
                ctx.Push(property);
                ctx.Error("dictionary keys must be at most 250 characters long");
                ctx.Pop();
            }
            else if (!Formats.IsDictionaryKey(key))
            {
                ctx.Push(property);
                ctx.Error("dictionary keys must contain only ASCII letters, digits, '-' and '_'");
                ctx.Pop();
            }
            if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0)
            {
                ctx.Push(property);
                ctx.Error("empty lists are not allowed as dictionary values");
                ctx.Pop();
            }
        }
        if (!any)
        {
            ctx.Error("a dictionary must have at least one key");
        }
    }

    private static void CheckUnknownProperty(JsonProperty property, ObjectDescriptor descriptor, bool toplevelExtension, ValidationContext ctx)
    {
        switch (descriptor.Unknown)
        {
            case UnknownPropertyPolicy.Ignore:
                return;
            case UnknownPropertyPolicy.Warn:
                ctx.Push(property);
                ctx.Warning($"'{JsonText.SafePropertyName(property)}' is not a property of {descriptor.Name}");
                ctx.Pop();
                return;
            default:
                break;
        }
        string name = JsonText.SafePropertyName(property);
        ctx.Push(property);
        if (!IsCustomPropertyName(name))
        {
            ctx.Error($"custom property name '{name}' is invalid: it must be 3 to 250 characters of a-z, 0-9 and '_'");
        }
        else if (Array.IndexOf(ReservedPropertyNames, name) >= 0)
        {
            ctx.Error($"'{name}' is a reserved property name of STIX 2.1 and must not be used");
        }
        else if (!toplevelExtension && !name.StartsWith("x_", StringComparison.Ordinal) && !CustomTypeDefinedByExtension(descriptor))
        {
            ctx.Warning($"'{name}' is not a property of {descriptor.Name}; custom properties should start with 'x_' (or be defined by an extension)");
        }
        if (property.Value.ValueKind == JsonValueKind.Array && property.Value.GetArrayLength() == 0)
        {
            ctx.Error("empty lists are not allowed, omit the property instead");
        }
        else if (name.EndsWith("_ref", StringComparison.Ordinal))
        {
            // The suffix is reserved: whatever defines the property, its value is an identifier.
            CheckSingle(property.Value, AnyRef with { Name = name }, ctx);
        }
        else if (name.EndsWith("_refs", StringComparison.Ordinal))
        {
            CheckValue(property.Value, AnyRef with { Name = name, IsList = true }, ctx);
        }
        ctx.Pop();
    }

    private static readonly PropertyRule AnyRef = new("_ref", PropertyKind.Identifier);

    private static bool CustomTypeDefinedByExtension(ObjectDescriptor descriptor) => ReferenceEquals(descriptor, Catalog.ExtensionDefinedSdo) ||
        ReferenceEquals(descriptor, Catalog.ExtensionDefinedSco) || ReferenceEquals(descriptor, Catalog.ExtensionDefinedSro);

    public static bool IsCustomPropertyName(string name)
    {
        if (name.Length is < 3 or > 250)
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    private static bool HasToplevelExtension(JsonElement obj)
    {
        if (!obj.TryGetProperty("extensions", out var extensions) || extensions.ValueKind != JsonValueKind.Object)
        {
            return false;
        }
        foreach (var entry in extensions.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("extension_type", out var kind) &&
                kind.ValueKind == JsonValueKind.String && JsonText.IsString(kind, ExtensionTypeValues.ToplevelPropertyExtension))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Picks the common rules for a type unknown to STIX 2.1 from its extension definition, if any.</summary>
    private static ObjectDescriptor CustomDescriptor(JsonElement obj, string type, ValidationContext ctx)
    {
        if (obj.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in extensions.EnumerateObject())
            {
                if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("extension_type", out var kind) &&
                    kind.ValueKind == JsonValueKind.String)
                {
                    if (JsonText.IsString(kind, ExtensionTypeValues.NewSco))
                    {
                        return Catalog.ExtensionDefinedSco;
                    }
                    if (JsonText.IsString(kind, ExtensionTypeValues.NewSro))
                    {
                        return Catalog.ExtensionDefinedSro;
                    }
                    if (JsonText.IsString(kind, ExtensionTypeValues.NewSdo))
                    {
                        return Catalog.ExtensionDefinedSdo;
                    }
                }
            }
        }
        ctx.WarningAt("type", $"'{type}' is not a STIX 2.1 type; custom objects are deprecated, define new types with an extension definition");
        return Catalog.CustomObject;
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
