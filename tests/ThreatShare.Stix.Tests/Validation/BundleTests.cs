using System.Text.Json.Nodes;
using static ThreatShare.Stix.Tests.Validation.ValidationAssert;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class BundleTests
{
    private static JsonObject Bundle(params string[] objects)
    {
        var list = new JsonArray();
        foreach (string o in objects)
        {
            list.Add(JsonNode.Parse(o));
        }
        return new JsonObject { ["type"] = "bundle", ["id"] = "bundle--5d0092c5-5f74-4287-9642-33f4c354e56d", ["objects"] = list };
    }

    [Fact]
    public void Bundle_ReportsPathOfInnerProblem()
    {
        string broken = ValidationAssert.ParseObject(Samples.YaraIndicator).Also(o => o["valid_until"] = "2000-01-01T00:00:00Z").ToJsonString();
        var result = Validate(Bundle(Samples.File, Samples.EveryType["tool"], Samples.File, broken));
        HasError(result, "$.objects[3].valid_until", "later than 'valid_from'");
    }

    [Fact]
    public void Bundle_IdMustBeBundleId()
    {
        var bundle = Bundle(Samples.File);
        bundle["id"] = "report--5d0092c5-5f74-4287-9642-33f4c354e56d";
        HasError(Validate(bundle), "$.id", "must equal the object type 'bundle'");
    }

    [Fact]
    public void Bundle_EmptyObjects_IsError()
    {
        var bundle = Bundle();
        HasError(Validate(bundle), "$.objects", "empty");
    }

    [Fact]
    public void Bundle_WithoutObjects_IsValid()
    {
        var bundle = Bundle();
        bundle.Remove("objects");
        Valid(Validate(bundle));
    }

    [Fact]
    public void Bundle_SpecVersion_IsWarning()
    {
        var bundle = Bundle(Samples.File);
        bundle["spec_version"] = "2.0";
        var result = Validate(bundle);
        Valid(result);
        HasWarning(result, "$.spec_version", "2.0");
    }

    [Fact]
    public void Bundle_InsideBundle_IsError()
    {
        var inner = Bundle(Samples.File).ToJsonString();
        HasError(Validate(Bundle(inner)), "$.objects[0].type", "cannot contain a bundle");
    }

    [Fact]
    public void Bundle_ObjectThatIsNotAnObject_IsError()
    {
        var bundle = Bundle();
        bundle["objects"] = new JsonArray(1);
        HasError(Validate(bundle), "$.objects[0]", "JSON object");
    }

    [Fact]
    public void Bundle_OverObjectLimit_IsError()
    {
        var validator = new ThreatShare.Stix.Validation.StixValidator(new StixLimits { MaxBundleObjects = 2 });
        var result = validator.Validate(System.Text.Encoding.UTF8.GetBytes(Bundle(Samples.File, Samples.File, Samples.File).ToJsonString()));
        HasError(result, "$.objects", "limit of 2");
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
