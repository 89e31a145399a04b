namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>A class fixture: one server node with the demo data for all tests of a class.</summary>
public sealed class DemoServer : IAsyncLifetime
{
    private ServerNode? _node;

    public ServerNode Node => _node ?? throw new InvalidOperationException("the fixture has not started");

    public async Task InitializeAsync() => _node = await ServerNode.StartAsync();

    public async Task DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
