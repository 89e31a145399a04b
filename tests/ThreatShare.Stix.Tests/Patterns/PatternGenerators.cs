using FsCheck;
using FsCheck.Fluent;
using ThreatShare.Stix.Patterns;

namespace ThreatShare.Stix.Tests.Patterns;

/// <summary>FsCheck generators of well-formed pattern trees, with FsCheck's own strings and numbers in the leaves.</summary>
internal static class PatternGenerators
{
    private static readonly Gen<string> Text =
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty);

    private static readonly Gen<string> Name = Gen.OneOf(
        Gen.Elements("name", "value", "hashes", "SHA-256", "x_custom", "AND", "true", "windows-pebinary-ext"),
        Text);

    private static readonly Gen<PathStep> Step = Gen.Frequency(
        (3, Name.Select(n => (PathStep)new PropertyStep(n))),
        (1, Gen.Constant((PathStep)IndexStep.Any)),
        (1, Gen.Choose(0, 1000).Select(i => (PathStep)new IndexStep(i))));

    private static readonly Gen<ObjectPath> Path =
        from type in Gen.Elements("file", "ipv4-addr", "network-traffic", "x-acme-widget")
        from first in Name
        from rest in Gen.ListOf(Step, 3)
        select new ObjectPath(type, new ValueList<PathStep>(rest.Prepend(new PropertyStep(first))));

    private static readonly Gen<PatternLiteral> Literal = Gen.OneOf(
        Text.Select(s => (PatternLiteral)new StringLiteral(s)),
        ArbMap.Default.GeneratorFor<long>().Select(v => (PatternLiteral)new IntegerLiteral(v)),
        ArbMap.Default.GeneratorFor<NormalFloat>().Select(v => (PatternLiteral)new FloatLiteral(v.Get)),
        ArbMap.Default.GeneratorFor<bool>().Select(v => (PatternLiteral)new BooleanLiteral(v)),
        ArbMap.Default.GeneratorFor<DateTimeOffset>().Select(v => (PatternLiteral)new TimestampLiteral(StixTimestamp.FromDateTimeOffset(v.ToUniversalTime(), 3))),
        ArbMap.Default.GeneratorFor<byte[]>().Where(b => b is { Length: > 0 }).Select(b => (PatternLiteral)new BinaryLiteral(Convert.ToBase64String(b))),
        ArbMap.Default.GeneratorFor<byte[]>().Select(b => (PatternLiteral)new HexLiteral(Convert.ToHexString(b ?? []))));

    private static readonly Gen<ComparisonExpression> Test = Gen.OneOf(
        from path in Path
        from op in Gen.Elements(Enum.GetValues<ComparisonOperator>())
        from negated in ArbMap.Default.GeneratorFor<bool>()
        from value in Literal
        select (ComparisonExpression)new PropertyComparison(path, op, negated, value),
        from path in Path
        from negated in ArbMap.Default.GeneratorFor<bool>()
        from values in Gen.ListOf(Literal, 3)
        select (ComparisonExpression)new SetComparison(path, negated, new ValueList<PatternLiteral>(values)),
        Path.Select(p => (ComparisonExpression)new ExistsComparison(p)));

    private static Gen<ComparisonExpression> Comparison(int size) => size <= 0
        ? Test
        : Gen.Frequency(
            (2, Test),
            (1, from op in Gen.Elements(BooleanOperator.And, BooleanOperator.Or)
                from count in Gen.Choose(2, 3)
                from operands in Gen.ListOf(Comparison(size / 3), count)
                select (ComparisonExpression)new CompoundComparison(op, new ValueList<ComparisonExpression>(operands))));

    private static readonly Gen<PatternQualifier> Qualifier = Gen.OneOf(
        Gen.Choose(1, int.MaxValue).Select(s => (PatternQualifier)new WithinQualifier(s)),
        Gen.Choose(1, 1_000_000).Select(s => (PatternQualifier)new WithinQualifier(s / 1000.0)),
        Gen.Choose(1, int.MaxValue).Select(n => (PatternQualifier)new RepeatsQualifier(n)),
        from start in ArbMap.Default.GeneratorFor<DateTime>()
        from seconds in Gen.Choose(1, 100_000)
        select (PatternQualifier)new StartStopQualifier(
            StixTimestamp.FromDateTimeOffset(new DateTimeOffset(start.Ticks, TimeSpan.Zero), 0),
            StixTimestamp.FromDateTimeOffset(new DateTimeOffset(start.Ticks, TimeSpan.Zero).AddSeconds(seconds), 0)));

    private static Gen<ObservationExpression> Observation(int size) => size <= 0
        ? Comparison(2).Select(c => (ObservationExpression)new SimpleObservation(c))
        : Gen.Frequency(
            (2, Comparison(size).Select(c => (ObservationExpression)new SimpleObservation(c))),
            (1, from op in Gen.Elements(Enum.GetValues<ObservationOperator>())
                from count in Gen.Choose(2, 3)
                from operands in Gen.ListOf(Observation(size / 3), count)
                select (ObservationExpression)new CompoundObservation(op, new ValueList<ObservationExpression>(operands))),
            (1, from inner in Observation(size / 2)
                from qualifiers in Gen.NonEmptyListOf(Qualifier).Resize(2)
                select (ObservationExpression)new QualifiedObservation(inner, new ValueList<PatternQualifier>(qualifiers))));

    public static Arbitrary<Pattern> Patterns() =>
        Gen.Sized(size => Observation(Math.Min(size, 12)).Select(o => new Pattern(o))).ToArbitrary();
}
