using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>artifact</c>: an array of bytes, embedded (base64) or referenced by URL, e.g. a malware sample.</summary>
public sealed record Artifact : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "artifact";

    /// <summary>Creates an <c>artifact</c>.</summary>
    public Artifact() : base(TypeName)
    {
    }

    /// <summary>The IANA media type of the content, e.g. <c>application/zip</c>.</summary>
    public string? MimeType { get; init; }

    /// <summary>The content, base64 encoded (exclusive with <see cref="Url"/>). ID contributing.</summary>
    public string? PayloadBin { get; init; }

    /// <summary>Where the content can be fetched (exclusive with <see cref="PayloadBin"/>; needs <see cref="Hashes"/>).</summary>
    public string? Url { get; init; }

    /// <summary>Hashes of the content, by algorithm (<c>hash-algorithm-ov</c>). ID contributing (one hash).</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }

    /// <summary>How the content is encrypted (<c>encryption-algorithm-enum</c>, e.g. <c>AES-256-GCM</c>).</summary>
    public string? EncryptionAlgorithm { get; init; }

    /// <summary>The key or password that decrypts the content.</summary>
    public string? DecryptionKey { get; init; }
}

/// <summary><c>directory</c>: a directory of a file system.</summary>
public sealed record StixDirectory : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "directory";

    /// <summary>Creates a <c>directory</c>.</summary>
    public StixDirectory() : base(TypeName)
    {
    }

    /// <summary>The path, as it was observed. ID contributing.</summary>
    public required string Path { get; init; }

    /// <summary>The character encoding of the observed path (IANA name, e.g. <c>windows-1252</c>).</summary>
    public string? PathEnc { get; init; }

    /// <summary>When the directory was created.</summary>
    public StixTimestamp? Ctime { get; init; }

    /// <summary>When the directory was last written to.</summary>
    public StixTimestamp? Mtime { get; init; }

    /// <summary>When the directory was last accessed.</summary>
    public StixTimestamp? Atime { get; init; }

    /// <summary>The <c>file</c> and <c>directory</c> objects it contains.</summary>
    public IReadOnlyList<StixIdentifier>? ContainsRefs { get; init; }
}

/// <summary><c>file</c>: a computer file. Its predefined extensions are <see cref="ArchiveExtension"/>,
/// <see cref="NtfsExtension"/>, <see cref="PdfExtension"/>, <see cref="RasterImageExtension"/> and
/// <see cref="WindowsPEBinaryExtension"/>.</summary>
public sealed record StixFile : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "file";

    /// <summary>Creates a <c>file</c>.</summary>
    public StixFile() : base(TypeName)
    {
    }

    /// <summary>Hashes of the file, by algorithm (<c>hash-algorithm-ov</c>). ID contributing (one hash).</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>The file name. ID contributing.</summary>
    public string? Name { get; init; }

    /// <summary>The character encoding of the observed name (IANA name).</summary>
    public string? NameEnc { get; init; }

    /// <summary>The first bytes of the file (its magic number), hexadecimal.</summary>
    public string? MagicNumberHex { get; init; }

    /// <summary>The IANA media type of the file.</summary>
    public string? MimeType { get; init; }

    /// <summary>When the file was created.</summary>
    public StixTimestamp? Ctime { get; init; }

    /// <summary>When the file was last written to.</summary>
    public StixTimestamp? Mtime { get; init; }

    /// <summary>When the file was last accessed.</summary>
    public StixTimestamp? Atime { get; init; }

    /// <summary>The <c>directory</c> holding the file. ID contributing.</summary>
    public StixIdentifier? ParentDirectoryRef { get; init; }

    /// <summary>Objects embedded in the file (e.g. in an archive, see <see cref="ArchiveExtension"/> too).</summary>
    public IReadOnlyList<StixIdentifier>? ContainsRefs { get; init; }

    /// <summary>The <c>artifact</c> holding the file's content.</summary>
    public StixIdentifier? ContentRef { get; init; }

    /// <summary>The <c>archive-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public ArchiveExtension? ArchiveExt => Extensions?.GetValueOrDefault(ArchiveExtension.ExtensionName) as ArchiveExtension;

    /// <summary>The <c>ntfs-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public NtfsExtension? NtfsExt => Extensions?.GetValueOrDefault(NtfsExtension.ExtensionName) as NtfsExtension;

    /// <summary>The <c>pdf-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public PdfExtension? PdfExt => Extensions?.GetValueOrDefault(PdfExtension.ExtensionName) as PdfExtension;

    /// <summary>The <c>raster-image-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public RasterImageExtension? RasterImageExt => Extensions?.GetValueOrDefault(RasterImageExtension.ExtensionName) as RasterImageExtension;

    /// <summary>The <c>windows-pebinary-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public WindowsPEBinaryExtension? WindowsPEBinaryExt => Extensions?.GetValueOrDefault(WindowsPEBinaryExtension.ExtensionName) as WindowsPEBinaryExtension;
}
