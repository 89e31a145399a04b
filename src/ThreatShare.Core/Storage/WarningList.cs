namespace ThreatShare.Core.Storage;

/// <summary>A warning list the directorate administers (shipped with defaults, then edited over REST).</summary>
public sealed class WarningList
{
    /// <summary>Its name, the key: <c>address-ranges</c>, <c>public-resolvers</c>, <c>benign-domains</c>, <c>empty-file-hashes</c>.</summary>
    public required string Name { get; set; }

    /// <summary>When it was last written (UTC): first start, or an edit.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who last edited it (<c>user:&lt;id&gt;</c>); null for the shipped defaults.</summary>
    public string? UpdatedBy { get; set; }

    /// <summary>Its entries.</summary>
    public ICollection<WarningListEntry> Entries { get; init; } = [];
}

/// <summary>One entry of a warning list: a value (a CIDR range, an address, a domain, a hash) and why it is listed.</summary>
public sealed class WarningListEntry
{
    /// <summary>Row key.</summary>
    public long Key { get; set; }

    /// <summary>The list it belongs to.</summary>
    public required string List { get; set; }

    /// <summary>The value, normalized (lowercase; CIDR in canonical form).</summary>
    public required string Value { get; set; }

    /// <summary>Why it is listed, shown in the finding.</summary>
    public string Note { get; set; } = "";
}
