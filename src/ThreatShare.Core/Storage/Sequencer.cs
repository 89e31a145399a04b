using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using ThreatShare.Core.Trust;

namespace ThreatShare.Core.Storage;

/// <summary>
/// Gives out per-channel sequence numbers at publication: 1, 2, 3… in each channel, with no gap and
/// no duplicate, even with several writers and several server nodes.
/// </summary>
/// <remarks>
/// The number is taken inside the caller's transaction by incrementing the channel's row of
/// <see cref="ChannelSequence"/> (<c>UPDATE … SET Last = Last + 1 … RETURNING Last</c>). The row stays
/// locked until the transaction ends, so a second writer in the same channel waits and then reads the
/// committed value; a transaction that rolls back gives its number back. The row is created on first
/// use with <c>INSERT … ON CONFLICT DO NOTHING</c>, which is race-safe on both providers.
/// On PostgreSQL the transaction must be READ COMMITTED (the default): under REPEATABLE READ or
/// SERIALIZABLE a concurrent writer fails with a serialization error instead of waiting. On SQLite the
/// database's single writer lock serializes writers (EF Core begins SQLite transactions IMMEDIATE).
/// Writers in different channels do not wait for each other on PostgreSQL.
/// </remarks>
public static class Sequencer
{
    /// <summary>Takes the next sequence number of <paramref name="channel"/> in the current transaction of <paramref name="db"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a channel name.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no transaction open.</exception>
    public static Task<long> NextAsync(ThreatShareDb db, string channel, CancellationToken ct) => ReserveAsync(db, channel, 1, ct);

    /// <summary>
    /// Takes the next <paramref name="count"/> sequence numbers of <paramref name="channel"/> in the
    /// current transaction of <paramref name="db"/>, in one statement; returns the first of them.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="channel"/> is not a channel name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no transaction open.</exception>
    public static async Task<long> ReserveAsync(ThreatShareDb db, string channel, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Channel.TryParse(channel, out _))
        {
            throw new ArgumentException($"'{channel}' is not a channel name", nameof(channel));
        }
        return await ReserveKeyAsync(db, channel, count, ct).ConfigureAwait(false);
    }

    /// <summary>The sequencer key of an alert stream (beside the channels' object sequences, which are channel names).</summary>
    public static string AlertStreamKey(string stream) => "alerts/" + stream;

    /// <summary>
    /// Takes the next <paramref name="count"/> sequence numbers of alert stream <paramref name="stream"/>
    /// in the current transaction of <paramref name="db"/>; returns the first of them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="db"/> has no transaction open.</exception>
    public static Task<long> ReserveAlertsAsync(ThreatShareDb db, string stream, int count, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return ReserveKeyAsync(db, AlertStreamKey(stream), count, ct);
    }

    internal static async Task<long> ReserveKeyAsync(ThreatShareDb db, string channel, int count, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            // Outside a transaction the number would be committed at once and lost if publication failed: a gap.
            throw new InvalidOperationException("a sequence number must be taken inside the publishing transaction");
        }
        var (insert, update) = Statements(db);
        await db.Database.ExecuteSqlRawAsync(insert, [channel], ct).ConfigureAwait(false);
        var numbers = await db.Database.SqlQueryRaw<long>(update, channel, count).ToListAsync(ct).ConfigureAwait(false);
        return numbers.Count == 1
            ? numbers[0] - count + 1
            : throw new InvalidOperationException($"the sequence row of channel '{channel}' was not updated exactly once ({numbers.Count})");
    }

    /// <summary>The two statements, with table and column names taken from the model and quoted by the provider.</summary>
    private static (string Insert, string Update) Statements(ThreatShareDb db)
    {
        var entity = db.Model.FindEntityType(typeof(ChannelSequence))
            ?? throw new InvalidOperationException("ChannelSequence is not in the model");
        var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table)
            ?? throw new InvalidOperationException("ChannelSequence is not mapped to a table");
        var sql = db.GetService<ISqlGenerationHelper>();
        string Column(string property) =>
            sql.DelimitIdentifier(entity.FindProperty(property)?.GetColumnName(table)
                ?? throw new InvalidOperationException($"ChannelSequence.{property} is not mapped to a column"));

        string tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        string channel = Column(nameof(ChannelSequence.Channel));
        string last = Column(nameof(ChannelSequence.Last));
        string insert = string.Concat("INSERT INTO ", tableName, " (", channel, ", ", last, ") VALUES ({0}, 0) ON CONFLICT (", channel, ") DO NOTHING");
        // SqlQueryRaw of a scalar reads the column named "Value".
        string update = string.Concat("UPDATE ", tableName, " SET ", last, " = ", last, " + {1} WHERE ", channel, " = {0} RETURNING ", last, " AS ", sql.DelimitIdentifier("Value"));
        return (insert, update);
    }
}
