using System.Text.Json;
using System.Text.Json.Nodes;

namespace ThreatShare.Stix.Tests.Serialization;

/// <summary>Compares JSON documents.</summary>
internal static class JsonAssert
{
    /// <summary>Same properties, values and property order; whitespace ignored.</summary>
    public static void Identical(string expected, string actual)
    {
        Assert.Equal(Compact(expected), Compact(actual));
    }

    /// <summary>Same properties and values, property order ignored (numbers compared as text).</summary>
    public static void SemanticallyEqual(string expected, string actual)
    {
        var e = JsonNode.Parse(expected);
        var a = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(e, a), $"JSON differs.\nexpected: {Compact(expected)}\nactual:   {Compact(actual)}");
    }

    public static string Compact(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return JsonSerializer.Serialize(doc.RootElement);
    }

    /// <summary>The property names of the top-level object, in order.</summary>
    public static IReadOnlyList<string> PropertyNames(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return [.. doc.RootElement.EnumerateObject().Select(p => p.Name)];
    }
}
