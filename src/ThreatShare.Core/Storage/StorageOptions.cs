using Microsoft.Extensions.Options;

namespace ThreatShare.Core.Storage;

/// <summary>Which database holds the store.</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file: the embedded default, one machine.</summary>
    Sqlite = 0,

    /// <summary>PostgreSQL: the production store, shared by several server nodes.</summary>
    Postgres = 1,
}

/// <summary>
/// Where the store lives, bound from the <c>Storage</c> configuration section
/// (<c>Storage:Provider</c>, <c>Storage:ConnectionString</c>, <c>Storage:DataDirectory</c>).
/// </summary>
public sealed class StorageOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Storage";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>, case-insensitive.</summary>
    public string Provider { get; set; } = "sqlite";

    /// <summary>
    /// The ADO.NET connection string. Required for PostgreSQL; for SQLite, when empty, the store is
    /// the file <c>threatshare.db</c> under <see cref="DataDirectory"/>.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Directory of the default SQLite file, relative to the current directory unless absolute.</summary>
    public string DataDirectory { get; set; } = "data";
}

/// <summary>Checks <see cref="StorageOptions"/> at start; every message names the configuration key at fault.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (!StorageSetup.TryParseProvider(options.Provider, out var provider))
        {
            failures.Add($"{StorageOptions.SectionName}:Provider must be 'sqlite' or 'postgres', not '{options.Provider}'");
        }
        else if (provider == StorageProvider.Postgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            failures.Add($"{StorageOptions.SectionName}:ConnectionString is required when {StorageOptions.SectionName}:Provider is 'postgres'");
        }
        else if (provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(options.ConnectionString) && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            failures.Add($"{StorageOptions.SectionName}:DataDirectory or {StorageOptions.SectionName}:ConnectionString is required for 'sqlite'");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
