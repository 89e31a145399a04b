using System.Text.Json;
using ThreatShare.Stix.Vocabularies;

namespace ThreatShare.Stix.Validation;

/// <summary>The <c>extensions</c> dictionary: extension-definition entries, predefined SCO extensions, custom (deprecated) ones.</summary>
internal static class Extensions
{
    /// <summary>The TLP 2.0 marking extension definition.</summary>
    public const string Tlp2ExtensionId = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";

    private const string DefinitionPrefix = "extension-definition--";

    public static void Check(JsonElement value, ValidationContext ctx)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            ctx.Error($"'extensions' must be a dictionary (JSON object), not {Engine.Describe(value.ValueKind)}");
            return;
        }
        bool any = false;
        foreach (var entry in value.EnumerateObject())
        {
            any = true;
            string key = JsonText.SafePropertyName(entry);
            ctx.Push(entry);
            if (key.StartsWith(DefinitionPrefix, StringComparison.Ordinal))
            {
                CheckDefinedExtension(key, entry.Value, ctx);
            }
            else if (Catalog.PredefinedExtensions.TryGetValue(key, out var predefined))
            {
                if (!string.Equals(predefined.Owner, ctx.CurrentType, StringComparison.Ordinal))
                {
                    ctx.Error($"the predefined extension '{key}' applies to {predefined.Owner} objects only");
                }
                else
                {
                    Engine.ValidateObject(entry.Value, predefined.Descriptor, ctx);
                }
            }
            else
            {
                ctx.Warning($"'{key}' is a custom extension; these are deprecated in STIX 2.1, use an extension definition");
                if (entry.Value.ValueKind != JsonValueKind.Object)
                {
                    ctx.Error($"an extension must be a JSON object, not {Engine.Describe(entry.Value.ValueKind)}");
                }
            }
            ctx.Pop();
        }
        if (!any)
        {
            ctx.Error("an empty 'extensions' dictionary is not allowed, omit the property instead");
        }
    }

    private static void CheckDefinedExtension(string key, JsonElement body, ValidationContext ctx)
    {
        if (!StixIdentifier.TryParse(key, out var id, out string? error))
        {
            ctx.Error($"'{key}' is not a valid extension-definition identifier: {error}");
        }
        else if (id.Type != "extension-definition")
        {
            ctx.Error($"'{key}' is not an extension-definition identifier");
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            ctx.Error($"an extension must be a JSON object, not {Engine.Describe(body.ValueKind)}");
            return;
        }
        if (!body.TryGetProperty("extension_type", out var kind))
        {
            ctx.ErrorAt("extension_type", "required property 'extension_type' of an extension is missing");
        }
        else
        {
            ctx.Push("extension_type");
            string? type = kind.ValueKind == JsonValueKind.String ? JsonText.SafeGetString(kind) : null;
            if (type is null)
            {
                ctx.Error($"'extension_type' must be a string, not {Engine.Describe(kind.ValueKind)}");
            }
            else if (!StixVocabularies.ExtensionType.Contains(type))
            {
                ctx.Error($"'{type}' is not a value of {StixVocabularies.ExtensionType.Name}: expected one of {string.Join(", ", StixVocabularies.ExtensionType.Values)}");
            }
            else if (type.StartsWith("new-", StringComparison.Ordinal) && ctx.CurrentType is { } current && Catalog.ByType.ContainsKey(current))
            {
                ctx.Error($"a {type} extension defines a new object type; '{current}' is a STIX 2.1 type");
            }
            ctx.Pop();
        }
        foreach (var property in body.EnumerateObject())
        {
            string name = JsonText.SafePropertyName(property);
            if (name != "extension_type" && !Engine.IsCustomPropertyName(name))
            {
                ctx.Push(property);
                ctx.Error($"extension property name '{name}' is invalid: it must be 3 to 250 characters of a-z, 0-9 and '_'");
                ctx.Pop();
            }
        }
        if (key == Tlp2ExtensionId)
        {
            if (!body.TryGetProperty("tlp_2_0", out var level))
            {
                ctx.ErrorAt("tlp_2_0", "the TLP 2.0 extension requires 'tlp_2_0'");
            }
            else if (level.ValueKind != JsonValueKind.String || JsonText.SafeGetString(level) is not { } text || !StixVocabularies.Tlp2Level.Contains(text))
            {
                ctx.ErrorAt("tlp_2_0", $"'tlp_2_0' must be one of {string.Join(", ", StixVocabularies.Tlp2Level.Values)}");
            }
        }
    }
}
