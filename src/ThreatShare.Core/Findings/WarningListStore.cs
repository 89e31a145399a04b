using Microsoft.EntityFrameworkCore;
using ThreatShare.Core.Storage;
using ThreatShare.Core.Submissions;

namespace ThreatShare.Core.Findings;

/// <summary>The warning lists in the store: shipped defaults on first start, replaced whole by the directorate.</summary>
public static class WarningListStore
{
    /// <summary>Writes the shipped defaults of every list the store has never had (an emptied list stays empty).</summary>
    public static async Task EnsureDefaultsAsync(ThreatShareDb db, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.WarningLists.Select(l => l.Name).ToListAsync(ct);
        foreach (string name in WarningLists.Names.Except(existing, StringComparer.Ordinal))
        {
            var list = new WarningList { Name = name, UpdatedAt = now };
            foreach (var (_, value, note) in WarningLists.Defaults.Where(d => d.List == name))
            {
                list.Entries.Add(new WarningListEntry { List = name, Value = value, Note = note });
            }
            db.WarningLists.Add(list);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Replaces the entries of list <paramref name="name"/> in one transaction (the caller's, when one
    /// is open), or stores nothing and returns every invalid entry by path (<c>$.entries[i].value</c>).
    /// On success, also returns which values were added and removed.
    /// </summary>
    public static async Task<(IReadOnlyList<SubmissionError> Errors, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)> ReplaceAsync(ThreatShareDb db, string name, IReadOnlyList<(string? Value, string? Note)> entries,
        string by, DateTime now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        var errors = new List<SubmissionError>();
        var normalized = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++)
        {
            string? value = WarningLists.Normalize(name, entries[i].Value, out string? error);
            if (value is null)
            {
                errors.Add(new SubmissionError($"$.entries[{i}].value", error!));
            }
            else if (entries[i].Note is { Length: > 200 })
            {
                errors.Add(new SubmissionError($"$.entries[{i}].note", "at most 200 characters"));
            }
            else if (!normalized.TryAdd(value, entries[i].Note?.Trim() ?? ""))
            {
                errors.Add(new SubmissionError($"$.entries[{i}].value", $"'{value}' is listed twice"));
            }
        }
        if (errors.Count > 0)
        {
            return (errors, [], []);
        }
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var before = await db.WarningListEntries.Where(e => e.List == name).Select(e => e.Value).ToListAsync(ct);
        var list = await db.WarningLists.FirstOrDefaultAsync(l => l.Name == name, ct);
        if (list is null)
        {
            list = new WarningList { Name = name };
            db.WarningLists.Add(list);
        }
        // Strictly later than before, even within one clock tick: nodes reload a list when its stamp changes.
        list.UpdatedAt = now > list.UpdatedAt ? now : list.UpdatedAt.AddTicks(10);
        list.UpdatedBy = by;
        await db.WarningListEntries.Where(e => e.List == name).ExecuteDeleteAsync(ct);
        db.WarningListEntries.AddRange(normalized.Select(e => new WarningListEntry { List = name, Value = e.Key, Note = e.Value }));
        await db.SaveChangesAsync(ct);
        if (tx is not null)
        {
            await tx.CommitAsync(ct);
        }
        return ([], [.. normalized.Keys.Except(before, StringComparer.Ordinal).Order(StringComparer.Ordinal)], [.. before.Except(normalized.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal)]);
    }
}
