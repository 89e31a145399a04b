namespace ThreatShare.Cli.Tests;

/// <summary>The state file of <c>threatshare watch</c>: stream → last sequence written, replaced atomically.</summary>
public sealed class WatchStateTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("threatshare-state-").FullName;

    private string PathOf(string name) => Path.Combine(_directory, name);

    [Fact]
    public void WrittenState_ReadsBack_AndLeavesNoTemporaryFile()
    {
        string path = PathOf("watch.json");
        WatchVerb.WriteState(path, new Dictionary<string, long> { ["org:bank-a"] = 3, ["channel:sector:finance"] = 42 });
        WatchVerb.WriteState(path, new Dictionary<string, long> { ["org:bank-a"] = 4, ["channel:sector:finance"] = 42 });

        Assert.Equal(new Dictionary<string, long> { ["channel:sector:finance"] = 42, ["org:bank-a"] = 4 }, WatchVerb.ReadState(path));
        Assert.Equal(["watch.json"], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void AMissingStateFile_IsAFirstRun()
    {
        Assert.Empty(WatchVerb.ReadState(PathOf("none.json")));
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("""{"national":-1}""")]
    [InlineData("""{"national":"7"}""")]
    [InlineData("""{"national":1.5}""")]
    public void AMalformedStateFile_IsRefused(string json)
    {
        string path = PathOf("bad.json");
        File.WriteAllText(path, json);

        Assert.Throws<FormatException>(() => WatchVerb.ReadState(path));
    }

    [Fact]
    public void AStateFileThatIsNotJson_IsRefused()
    {
        string path = PathOf("broken.json");
        File.WriteAllText(path, "{\"national\":");

        Assert.ThrowsAny<System.Text.Json.JsonException>(() => WatchVerb.ReadState(path));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
