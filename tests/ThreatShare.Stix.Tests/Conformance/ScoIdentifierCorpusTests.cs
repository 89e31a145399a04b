namespace ThreatShare.Stix.Tests.Conformance;

/// <summary>
/// Two independent computations of deterministic SCO ids agree: the corpus ids (computed when the corpus was written,
/// UUIDv5 over the RFC 8785 form of the id contributing properties) and <see cref="ScoIdentifiers"/>.
/// </summary>
public sealed class ScoIdentifierCorpusTests
{
    private static readonly IReadOnlyList<string> DeterministicScoNames = [.. CorpusFiles.ValidNames.Where(HasContributingProperties)];

    public static TheoryData<string> DeterministicScoFiles() => [.. DeterministicScoNames];

    [Theory]
    [MemberData(nameof(DeterministicScoFiles))]
    public void CorpusScoId_Equals_ComputedDeterministicId(string file)
    {
        using var doc = CorpusFiles.ParseValid(file);

        var computed = ScoIdentifiers.Compute(doc.RootElement);

        Assert.Equal(doc.RootElement.GetProperty("id").GetString(), computed.Value);
    }

    [Fact]
    public void Corpus_Has_DeterministicIdsForEveryScoTypeWithContributingProperties()
    {
        var covered = DeterministicScoNames.Select(n => n.Split('.')[0]).ToHashSet(StringComparer.Ordinal);

        var missing = ScoIdentifiers.KnownTypes.Where(t => ScoIdentifiers.GetContributingProperties(t) is { Count: > 0 } && !covered.Contains(t)).ToList();

        Assert.True(missing.Count == 0, "no corpus file for " + string.Join(", ", missing));
    }

    private static bool HasContributingProperties(string name)
    {
        using var doc = CorpusFiles.ParseValid(name);
        return doc.RootElement.TryGetProperty("type", out var type) &&
               ScoIdentifiers.GetContributingProperties(type.GetString() ?? string.Empty) is { Count: > 0 };
    }
}
