using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>The ways <see cref="JsonMutator"/> breaks a valid document.</summary>
internal enum JsonMutation
{
    DeleteProperty,
    ChangeValueType,
    DuplicateKey,
    Truncate,
    InsertDeepNesting,
    FlipByte,
}

/// <summary>Deterministic mutations of a valid STIX document (the same seed gives the same bytes), for hostile-input properties.</summary>
internal static class JsonMutator
{
    public static readonly JsonMutation[] All = Enum.GetValues<JsonMutation>();

    private const string DeepMarker = "__deep_nesting_goes_here__";

    public static byte[] Mutate(byte[] valid, JsonMutation mutation, int seed)
    {
        var random = new Random(seed);
        switch (mutation)
        {
            case JsonMutation.Truncate:
                return valid[..random.Next(0, valid.Length)];
            case JsonMutation.FlipByte:
                var flipped = (byte[])valid.Clone();
                flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                return flipped;
            case JsonMutation.DuplicateKey:
                var root = JsonNode.Parse(valid)?.AsObject() ?? throw new InvalidOperationException("corpus files are objects");
                var names = root.Select(p => p.Key).ToList();
                string name = names[random.Next(names.Count)];
                string text = Encoding.UTF8.GetString(valid);
                int open = text.IndexOf('{', StringComparison.Ordinal);
                // A second member with the same name but another value, placed first so the original one comes later.
                return Encoding.UTF8.GetBytes(text[..(open + 1)] + JsonSerializer.Serialize(name) + ":" + RandomScalar(random) + "," + text[(open + 1)..]);
            default:
                var node = JsonNode.Parse(valid) ?? throw new InvalidOperationException("corpus files are not null");
                var containers = new List<JsonNode>();
                Collect(node, containers);
                var target = containers[random.Next(containers.Count)];
                MutateNode(target, mutation, random);
                string json = node.ToJsonString();
                if (mutation == JsonMutation.InsertDeepNesting)
                {
                    // JsonNode refuses to hold more than 64 levels, so the nesting is spliced into the text.
                    int depth = random.Next(2, 3000);
                    json = json.Replace("\"" + DeepMarker + "\"", new string('[', depth) + new string(']', depth), StringComparison.Ordinal);
                }
                return Encoding.UTF8.GetBytes(json);
        }
    }

    private static void MutateNode(JsonNode container, JsonMutation mutation, Random random)
    {
        if (container is JsonObject obj && obj.Count > 0)
        {
            string key = obj.ElementAt(random.Next(obj.Count)).Key;
            if (mutation == JsonMutation.DeleteProperty)
            {
                obj.Remove(key);
            }
            else
            {
                obj[key] = Replacement(obj[key], mutation, random);
            }
        }
        else if (container is JsonArray array && array.Count > 0)
        {
            int i = random.Next(array.Count);
            if (mutation == JsonMutation.DeleteProperty)
            {
                array.RemoveAt(i);
            }
            else
            {
                array[i] = Replacement(array[i], mutation, random);
            }
        }
    }

    private static JsonNode? Replacement(JsonNode? old, JsonMutation mutation, Random random)
    {
        if (mutation == JsonMutation.InsertDeepNesting)
        {
            return JsonValue.Create(DeepMarker);
        }
        // Another JSON type than the old value's.
        var kind = old?.GetValueKind() ?? JsonValueKind.Null;
        return kind switch
        {
            JsonValueKind.String => JsonValue.Create(random.Next()),
            JsonValueKind.Number => JsonValue.Create(old?.ToJsonString() ?? "0"),
            JsonValueKind.True or JsonValueKind.False => JsonValue.Create("true"),
            JsonValueKind.Object => new JsonArray(),
            JsonValueKind.Array => new JsonObject(),
            _ => JsonValue.Create(false),
        };
    }

    private static string RandomScalar(Random random) => random.Next(4) switch
    {
        0 => "null",
        1 => random.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        2 => "\"indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f\"",
        _ => "[]",
    };

    private static void Collect(JsonNode node, List<JsonNode> into)
    {
        if (node is JsonObject obj)
        {
            into.Add(obj);
            foreach (var (_, value) in obj)
            {
                if (value is not null)
                {
                    Collect(value, into);
                }
            }
        }
        else if (node is JsonArray array)
        {
            into.Add(array);
            foreach (var value in array)
            {
                if (value is not null)
                {
                    Collect(value, into);
                }
            }
        }
    }
}
