using System.Globalization;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Serialization;

public sealed class RoundTripPropertyTests
{
    private static readonly Gen<string> Text =
        ArbMap.Default.GeneratorFor<string>().Where(s => s is not null);

    private static readonly Gen<StixTimestamp> Timestamps =
        from ticks in Gen.Choose(0, int.MaxValue).Select(t => (long)t * 1_000_003L)
        from precision in Gen.Choose(0, 9)
        select StixTimestamp.FromDateTimeOffset(new DateTimeOffset(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(ticks)), precision);

    private static readonly Gen<string> RawNumbers = Gen.OneOf(
        ArbMap.Default.GeneratorFor<int>().Select(i => i.ToString(CultureInfo.InvariantCulture)),
        ArbMap.Default.GeneratorFor<double>().Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Choose(0, 999).Select(i => i.ToString(CultureInfo.InvariantCulture) + ".50"),
        Gen.Constant("1e400"));

    private static readonly Gen<Indicator> Indicators =
        from name in Text
        from description in Gen.OneOf(Text.Select(t => (string?)t), Gen.Constant<string?>(null))
        from pattern in Text
        from created in Timestamps
        from validFrom in Timestamps
        from confidence in Gen.OneOf(Gen.Choose(0, 100).Select(c => (int?)c), Gen.Constant<int?>(null))
        from labels in Gen.ListOf(Text).Select(l => l.Count == 0 ? null : (IReadOnlyList<string>)[.. l])
        from customCount in Gen.Choose(0, 4)
        from customValues in Gen.ListOf(RawNumbers, customCount)
        select new Indicator
        {
            Id = StixIdentifier.NewId("indicator"),
            Created = created,
            Modified = created,
            Name = name,
            Description = description,
            Pattern = pattern,
            PatternType = "stix",
            ValidFrom = validFrom,
            Confidence = confidence,
            Labels = labels,
            CustomProperties = customValues.Count == 0
                ? null
                : customValues.Select((v, i) => (Name: "x_custom_" + (customValues.Count - i).ToString(CultureInfo.InvariantCulture), Value: Parse(v)))
                    .ToDictionary(p => p.Name, p => p.Value),
        };

    private static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }

    [Property(MaxTest = 300)]
    public Property RoundTrip_RandomIndicator_WritesTheSameTextAgain() =>
        Prop.ForAll(Indicators.ToArbitrary(), indicator =>
        {
            string once = StixJson.Serialize(indicator);
            var read = StixJson.Deserialize<Indicator>(once);
            string twice = StixJson.Serialize(read);
            return once == twice
                && read.Name == indicator.Name
                && read.Pattern == indicator.Pattern
                && read.Created.ToString() == indicator.Created.ToString()
                && read.ValidFrom.ToString() == indicator.ValidFrom.ToString();
        });

    [Property(MaxTest = 300)]
    public Property RoundTrip_RandomIndicatorInABundle_WritesTheSameTextAgain() =>
        Prop.ForAll(Gen.ListOf(Indicators).ToArbitrary(), indicators =>
        {
            var bundle = StixBundle.Create(indicators);
            string once = StixJson.Serialize(bundle);
            return once == StixJson.Serialize(StixJson.DeserializeBundle(once));
        });
}
