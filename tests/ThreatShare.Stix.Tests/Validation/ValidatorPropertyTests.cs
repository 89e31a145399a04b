using System.Text;
using System.Text.Json.Nodes;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using ThreatShare.Stix.Validation;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class ValidatorPropertyTests
{
    private static readonly StixValidator Validator = new();

    private static readonly string[] Sources = [.. Samples.EveryType.Values.Where(s => !s.Contains("\"pattern_type\":\"stix\"", StringComparison.Ordinal))];

    private static readonly JsonNode?[] Replacements =
    [
        null, JsonValue.Create(0), JsonValue.Create(-1), JsonValue.Create(1.5), JsonValue.Create(true), JsonValue.Create(""),
        JsonValue.Create("x"), JsonValue.Create("2016-02-30T00:00:00Z"), JsonValue.Create("indicator--00000000-0000-0000-0000-000000000000"),
        new JsonArray(), new JsonObject(), JsonValue.Create(long.MaxValue),
    ];

    [Property(MaxTest = 300)]
    public bool RandomBytes_NeverThrow(byte[] bytes)
    {
        var result = Validator.Validate(bytes);
        return result.Errors.Count > 0 || result.IsValid;
    }

    [Property(MaxTest = 300)]
    public bool RandomText_NeverThrows(string? text)
    {
        var result = Validator.Validate(Encoding.UTF8.GetBytes(text ?? string.Empty));
        return result is not null;
    }

    [Property(MaxTest = 500)]
    public bool MutatedValidObject_NeverThrows_AndReportsPaths(PositiveInt sample, PositiveInt property, PositiveInt replacement, bool remove)
    {
        var obj = ValidationAssert.ParseObject(Sources[sample.Get % Sources.Length]);
        var names = obj.Select(p => p.Key).ToArray();
        string name = names[property.Get % names.Length];
        if (remove)
        {
            obj.Remove(name);
        }
        else
        {
            obj[name] = Replacements[replacement.Get % Replacements.Length]?.DeepClone();
        }
        var result = Validator.Validate(Encoding.UTF8.GetBytes(obj.ToJsonString()));
        return result.All.All(i => i.Path.StartsWith('$') && i.Message.Length > 0);
    }

    [Property(MaxTest = 300)]
    public bool TruncatedValidObject_IsError(PositiveInt sample, PositiveInt cut)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(Sources[sample.Get % Sources.Length]);
        int length = cut.Get % bytes.Length; // strictly shorter: always broken JSON
        return !Validator.Validate(bytes.AsSpan(0, length)).IsValid;
    }

    [Property(MaxTest = 200)]
    public Property RandomJsonTree_NeverThrows() =>
        Prop.ForAll(Arb.From(JsonGen(4)), node =>
        {
            var result = Validator.Validate(Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null"));
            return result is not null;
        });

    private static Gen<JsonNode?> JsonGen(int depth)
    {
        var leaf = Gen.OneOf(
            Gen.Constant<JsonNode?>(null),
            ArbMap.Default.GeneratorFor<bool>().Select(b => (JsonNode?)JsonValue.Create(b)),
            ArbMap.Default.GeneratorFor<int>().Select(i => (JsonNode?)JsonValue.Create(i)),
            Gen.Elements("type", "indicator", "bundle", "2.1", "id", "x", "indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", "\ud800")
                .Select(s => (JsonNode?)JsonValue.Create(s)));
        if (depth == 0)
        {
            return leaf;
        }
        var keys = Gen.Elements("type", "id", "spec_version", "created", "modified", "objects", "extensions", "hashes", "pattern", "x_a", "A-b");
        var obj = Gen.ListOf(Gen.Zip(keys, JsonGen(depth - 1))).Select(pairs =>
        {
            var o = new JsonObject();
            foreach (var (k, v) in pairs)
            {
                o[k] = v;
            }
            return (JsonNode?)o;
        });
        var arr = Gen.ListOf(JsonGen(depth - 1)).Select(items => (JsonNode?)new JsonArray([.. items]));
        return Gen.Frequency((3, leaf), (2, obj), (1, arr));
    }
}
