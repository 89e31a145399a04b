using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// Hostile input for <see cref="StixJson"/>: the reader either returns an object or throws its one documented exception,
/// <see cref="StixFormatException"/>; never another exception, never a stack overflow.
/// </summary>
public sealed class ReaderHostileInputTests
{
    [Property(MaxTest = 300)]
    public void Reader_Throws_OnlyStixFormatException_ForRandomBytes(byte[] bytes) =>
        AssertReadsOrThrowsFormatException(bytes ?? []);

    [Property(MaxTest = 300)]
    public Property Reader_Throws_OnlyStixFormatException_ForMutatedCorpusFile() =>
        Prop.ForAll(
            Gen.Choose(0, CorpusFiles.ValidNames.Count - 1).ToArbitrary(),
            Gen.Elements(JsonMutator.All).ToArbitrary(),
            ArbMap.Default.ArbFor<int>(),
            (fileIndex, mutation, seed) =>
                AssertReadsOrThrowsFormatException(JsonMutator.Mutate(CorpusFiles.ReadValid(CorpusFiles.ValidNames[fileIndex]), mutation, seed)));

    [Theory]
    [MemberData(nameof(HostileInputTests.MutationKinds), MemberType = typeof(HostileInputTests))]
    public void Reader_Throws_OnlyStixFormatException_ForEveryMutationOfEveryFile(string kind)
    {
        var mutation = Enum.Parse<JsonMutation>(kind);
        foreach (var name in CorpusFiles.ValidNames)
        {
            for (int seed = 0; seed < 3; seed++)
            {
                AssertReadsOrThrowsFormatException(JsonMutator.Mutate(CorpusFiles.ReadValid(name), mutation, seed), $"{name} {mutation} {seed}");
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("{}")]
    [InlineData("42")]
    [InlineData("{\"type\":\"indicator\"}")]
    [InlineData("{\"type\":42}")]
    [InlineData("{\"type\":\"indicator\",\"id\":\"indicator--00000000-0000-0000-0000-000000000000\"}")]
    [InlineData("{\"type\":\"indicator\",\"confidence\":NaN}")]
    [InlineData("{\"type\":\"indicator\",}")]
    public void Reader_Throws_StixFormatException_ForMalformedObject(string json)
    {
        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForHundredThousandNestedArrays()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"indicator\",\"x_deep\":" + new string('[', 100_000) + new string(']', 100_000) + "}");

        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(bytes));
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForHundredThousandNestedArraysInBundle()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"type\":\"bundle\",\"id\":\"bundle--5d0092c5-5f74-4287-9642-33f4c354e56d\",\"objects\":" +
                                           new string('[', 100_000) + new string(']', 100_000) + "}");

        Assert.Throws<StixFormatException>(() => StixJson.DeserializeBundle(bytes));
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForFiveMegabyteString()
    {
        var json = Encoding.UTF8.GetString(CorpusFiles.ReadValid("indicator.spec.json"))
            .Replace("\"This file is part of Poison Ivy\"", "\"" + new string('a', 5 * 1024 * 1024) + "\"", StringComparison.Ordinal);

        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForStringAboveLimit()
    {
        var reader = new StixJsonSerializer(new StixLimits { MaxStringLength = 16 });

        Assert.Throws<StixFormatException>(() => reader.Deserialize(CorpusFiles.ReadValid("indicator.spec.json")));
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForDocumentAboveLimit()
    {
        var reader = new StixJsonSerializer(new StixLimits { MaxDocumentBytes = 100 });

        Assert.Throws<StixFormatException>(() => reader.Deserialize(CorpusFiles.ReadValid("indicator.spec.json")));
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForBundleAboveObjectLimit()
    {
        var reader = new StixJsonSerializer(new StixLimits { MaxBundleObjects = 2 });

        Assert.Throws<StixFormatException>(() => reader.DeserializeBundle(CorpusFiles.ReadValid("bundle.spec.json")));
    }

    [Fact]
    public void Reader_Reads_CorpusWithinDefaultLimits()
    {
        var reader = new StixJsonSerializer(StixLimits.Default);

        foreach (var name in CorpusFiles.ValidNames.Where(n => !n.StartsWith("bundle.", StringComparison.Ordinal)))
        {
            Assert.NotNull(reader.Deserialize(CorpusFiles.ReadValid(name)));
        }
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"\\udc00\\ud800\"")]
    [InlineData("\"a\\u0000b\"")]
    public void Reader_ReadsOrThrowsFormatException_ForOddStrings(string value)
    {
        var json = Encoding.UTF8.GetString(CorpusFiles.ReadValid("indicator.spec.json"))
            .Replace("\"This file is part of Poison Ivy\"", value, StringComparison.Ordinal);

        AssertReadsOrThrowsFormatException(Encoding.UTF8.GetBytes(json));
    }

    [Fact]
    public void Reader_Reads_DocumentWithByteOrderMark_OrThrowsFormatException()
    {
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. CorpusFiles.ReadValid("indicator.spec.json")];

        AssertReadsOrThrowsFormatException(bytes);
    }

    [Fact]
    public void Reader_Throws_StixFormatException_ForRawNulByte()
    {
        var bytes = CorpusFiles.ReadValid("indicator.spec.json");
        bytes[Array.IndexOf(bytes, (byte)'P')] = 0;

        Assert.Throws<StixFormatException>(() => StixJson.Deserialize(bytes));
    }

    private static void AssertReadsOrThrowsFormatException(byte[] bytes, string? what = null)
    {
        try
        {
            StixJson.Deserialize(bytes);
        }
        catch (StixFormatException)
        {
            // the documented failure
        }
        catch (Exception ex)
        {
            Assert.Fail($"{what ?? Convert.ToBase64String(bytes.AsSpan(0, Math.Min(bytes.Length, 256)))}: {ex.GetType().Name}: {ex.Message}");
        }
        try
        {
            StixJson.DeserializeBundle(bytes);
        }
        catch (StixFormatException)
        {
            // the documented failure
        }
        catch (Exception ex)
        {
            Assert.Fail($"bundle {what}: {ex.GetType().Name}: {ex.Message}");
        }
    }
}
