using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Tests.Fixtures;

namespace ThreatShare.IntegrationTests.Fixtures;

/// <summary>
/// A suite of tests against one server node, written once and run on each store: a concrete class
/// per provider says where its node comes from (the embedded SQLite default, or a database of the
/// run's PostgreSQL). All tests of a concrete class share its node, as with a class fixture.
/// </summary>
public abstract class NodeSuite : IAsyncLifetime
{
    private ServerNode? _node;

    protected ServerNode Node => _node ?? throw new InvalidOperationException("the suite's node has not started");

    /// <summary>The node of this suite (started once, shared by its tests).</summary>
    protected abstract Task<ServerNode> NodeAsync();

    async Task IAsyncLifetime.InitializeAsync() => _node = await NodeAsync();

    /// <summary>
    /// A person's access token on this suite's node, signed in once per node and user: authenticator
    /// codes are accepted once, so repeated sign-ins of a TOTP user would wait for the next code.
    /// </summary>
    protected Task<string> PersonTokenAsync(string user) => PersonTokens.GetOrAdd((Node, user), key => key.Item1.PersonTokenAsync(key.Item2));

    /// <summary>An API client signed in as <paramref name="user"/>.</summary>
    protected async Task<HttpClient> PersonAsync(string user) => Node.ClientWith(await PersonTokenAsync(user));

    /// <summary>An API client with <paramref name="org"/>'s demo client credentials.</summary>
    protected async Task<HttpClient> ClientAsync(string org) => Node.ClientWith(await Node.ClientTokenAsync(org));

    private static readonly ConcurrentDictionary<(ServerNode, string), Task<string>> PersonTokens = new();

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

/// <summary>The collection of suites that run against PostgreSQL: one throwaway server, one database and node per suite.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresNodesCollection : ICollectionFixture<PostgresNodes>
{
    public const string Name = "PostgreSQL nodes";
}

/// <summary>The run's PostgreSQL and the server nodes started on its databases, one per suite, stopped at the end.</summary>
public sealed class PostgresNodes : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, Lazy<Task<ServerNode>>> _nodes = new(StringComparer.Ordinal);

    public PostgresServer Server { get; } = new();

    public Task InitializeAsync() => Server.InitializeAsync();

    /// <summary>The node of <paramref name="suite"/>, on a database of its own.</summary>
    public Task<ServerNode> NodeAsync(string suite) =>
        _nodes.GetOrAdd(suite, name => new Lazy<Task<ServerNode>>(() => StartAsync(name))).Value;

    /// <summary>Store settings that point a server at a new database of the run's PostgreSQL.</summary>
    public async Task<IReadOnlyDictionary<string, string?>> SettingsAsync(string hint) => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "postgres",
        ["Storage:ConnectionString"] = await Server.CreateDatabaseAsync(hint),
    };

    private async Task<ServerNode> StartAsync(string suite)
    {
        var node = await ServerNode.StartAsync(await SettingsAsync(suite));
        await using var scope = node.Services.CreateAsyncScope();
        // The suite must not silently run on the default store.
        Assert.IsType<PostgresThreatShareDb>(scope.ServiceProvider.GetRequiredService<ThreatShareDb>());
        return node;
    }

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes.Values.Where(n => n.IsValueCreated))
        {
            try
            {
                await (await node.Value).DisposeAsync();
            }
            catch (Exception) when (node.Value.IsFaulted)
            {
                // A node that failed to start has already failed its suite's tests.
            }
        }
        await Server.DisposeAsync();
    }
}
