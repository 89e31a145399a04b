using ThreatShare.Stix.Vocabularies;

namespace ThreatShare.Stix.Tests.Validation;

public sealed class VocabularyTests
{
    [Fact]
    public void IndicatorType_ContainsSpecValues()
    {
        Assert.Contains(IndicatorTypeValues.MaliciousActivity, StixVocabularies.IndicatorType);
        Assert.Equal(7, StixVocabularies.IndicatorType.Count);
        Assert.True(StixVocabularies.IndicatorType.IsOpen);
    }

    [Fact]
    public void Contains_Span_MatchesStringLookup()
    {
        Assert.True(StixVocabularies.MalwareType.Contains("ransomware".AsSpan()));
        Assert.False(StixVocabularies.MalwareType.Contains("Ransomware".AsSpan()));
    }

    [Fact]
    public void Vocabulary_IsCaseSensitive() => Assert.False(StixVocabularies.IndicatorType.Contains("Malicious-Activity"));

    [Fact]
    public void Enumerations_AreClosed()
    {
        foreach (var vocabulary in StixVocabularies.ByName.Values)
        {
            Assert.Equal(vocabulary.Name.EndsWith("-ov", StringComparison.Ordinal), vocabulary.IsOpen);
        }
        Assert.False(StixVocabularies.Opinion.IsOpen);
        Assert.False(StixVocabularies.EncryptionAlgorithm.IsOpen);
        Assert.False(StixVocabularies.WindowsRegistryDatatype.IsOpen);
    }

    [Theory]
    [InlineData("hashing-algorithm-ov", "SHA3-256")]
    [InlineData("opinion-enum", "strongly-agree")]
    [InlineData("implementation-language-ov", "c++")]
    [InlineData("processor-architecture-ov", "x86-64")]
    [InlineData("windows-service-status-enum", "SERVICE_RUNNING")]
    [InlineData("region-ov", "south-eastern-asia")]
    [InlineData("industry-sector-ov", "government-national")]
    [InlineData("extension-type-enum", "toplevel-property-extension")]
    public void ByName_FindsVocabulary_WithValue(string name, string value) =>
        Assert.Contains(value, StixVocabularies.ByName[name]);

    [Fact]
    public void EveryVocabulary_HasDistinctValues()
    {
        foreach (var vocabulary in StixVocabularies.ByName.Values)
        {
            Assert.Equal(vocabulary.Values.Count, vocabulary.Count);
            Assert.NotEmpty(vocabulary.Values);
        }
    }

    [Fact]
    public void Constants_MatchSpecText()
    {
        Assert.Equal("c#", ImplementationLanguageValues.CSharp);
        Assert.Equal("amber+strict", Tlp2LevelValues.AmberStrict);
        Assert.Equal("SHA-256", HashingAlgorithmValues.Sha256);
    }
}
