using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace ThreatShare.Core.Storage;

/// <summary>
/// Inserts many rows of an entity with PostgreSQL's binary <c>COPY</c>, inside the current
/// transaction of the context: the bulk path of publication, where change tracking of thousands of
/// entities would cost more than the inserts. Table, columns and types come from the EF Core model,
/// so the rows are exactly what <c>SaveChanges</c> would have written; store-generated keys are left
/// to the database. The entities are not tracked afterwards.
/// </summary>
internal static class PostgresCopy
{
    public static async Task InsertAsync<T>(ThreatShareDb db, IReadOnlyCollection<T> rows, CancellationToken ct)
        where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");
        var table = StoreObjectIdentifier.Create(entity, StoreObjectType.Table) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped to a table");
        var columns = entity.GetProperties()
            .Where(p => p.GetColumnName(table) is not null && !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsPrimaryKey() && p.ClrType == typeof(long)))
            .Select(p => (Property: p, Name: p.GetColumnName(table)!, Type: p.GetColumnType(), Converter: p.GetTypeMapping().Converter))
            .ToList();
        string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        string copy = $"COPY {(table.Schema is null ? "" : Quote(table.Schema) + ".")}{Quote(table.Name)} ({string.Join(", ", columns.Select(c => Quote(c.Name)))}) FROM STDIN (FORMAT BINARY)";

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("a bulk insert belongs inside the publishing transaction");
        }
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            foreach (var (property, _, type, converter) in columns)
            {
                object? value = property.GetGetter().GetClrValue(row);
                if (value is not null && converter is not null)
                {
                    value = converter.ConvertToProvider(value);
                }
                if (value is null)
                {
                    await importer.WriteNullAsync(ct);
                }
                else
                {
                    await importer.WriteAsync(value, BaseType(type), ct);
                }
            }
        }
        await importer.CompleteAsync(ct);
    }

    /// <summary><c>character varying(300)</c> → <c>character varying</c>: the binary format names types without their modifiers.</summary>
    private static string BaseType(string columnType)
    {
        int paren = columnType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? columnType : columnType[..paren];
    }
}
