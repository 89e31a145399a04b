using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>archive-ext</c> of <c>file</c>: the file is an archive (zip, rar, ...).</summary>
public sealed record ArchiveExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "archive-ext";

    /// <summary>The <c>file</c> and <c>directory</c> objects in the archive.</summary>
    public required IReadOnlyList<StixIdentifier> ContainsRefs { get; init; }

    /// <summary>The archive's comment.</summary>
    public string? Comment { get; init; }
}

/// <summary><c>ntfs-ext</c> of <c>file</c>: properties of a file stored on NTFS.</summary>
public sealed record NtfsExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "ntfs-ext";

    /// <summary>The security identifier (SID) of the file.</summary>
    public string? Sid { get; init; }

    /// <summary>The alternate data streams of the file.</summary>
    public IReadOnlyList<AlternateDataStream>? AlternateDataStreams { get; init; }
}

/// <summary><c>alternate-data-stream-type</c>: an NTFS alternate data stream.</summary>
public sealed record AlternateDataStream : ObservableComponent
{
    /// <summary>The name of the stream.</summary>
    public required string Name { get; init; }

    /// <summary>Hashes of the stream's content, by algorithm.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }

    /// <summary>Size of the stream in bytes.</summary>
    public long? Size { get; init; }
}

/// <summary><c>pdf-ext</c> of <c>file</c>: the file is a PDF document.</summary>
public sealed record PdfExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "pdf-ext";

    /// <summary>The PDF version, e.g. <c>1.7</c>.</summary>
    public string? Version { get; init; }

    /// <summary>Whether the document is optimized (linearized).</summary>
    public bool? IsOptimized { get; init; }

    /// <summary>The document information dictionary (Title, Author, Creator, ...).</summary>
    public IReadOnlyDictionary<string, string>? DocumentInfoDict { get; init; }

    /// <summary>The first file identifier of the trailer.</summary>
    [JsonPropertyName("pdfid0")]
    public string? Pdfid0 { get; init; }

    /// <summary>The second file identifier of the trailer.</summary>
    [JsonPropertyName("pdfid1")]
    public string? Pdfid1 { get; init; }
}

/// <summary><c>raster-image-ext</c> of <c>file</c>: the file is a raster image.</summary>
public sealed record RasterImageExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "raster-image-ext";

    /// <summary>Height in pixels.</summary>
    public long? ImageHeight { get; init; }

    /// <summary>Width in pixels.</summary>
    public long? ImageWidth { get; init; }

    /// <summary>Bits per pixel.</summary>
    public long? BitsPerPixel { get; init; }

    /// <summary>EXIF tags by name; values are JSON strings or integers.</summary>
    public IReadOnlyDictionary<string, JsonElement>? ExifTags { get; init; }
}

/// <summary><c>windows-pebinary-ext</c> of <c>file</c>: the file is a Windows PE binary (exe, dll, sys).</summary>
public sealed record WindowsPEBinaryExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "windows-pebinary-ext";

    /// <summary>The kind of binary (<c>windows-pebinary-type-ov</c>: <c>exe</c>, <c>dll</c>, <c>sys</c>).</summary>
    public required string PeType { get; init; }

    /// <summary>The import hash (imphash).</summary>
    public string? Imphash { get; init; }

    /// <summary>The machine type, hexadecimal (e.g. <c>014c</c>).</summary>
    public string? MachineHex { get; init; }

    /// <summary>The number of sections.</summary>
    public long? NumberOfSections { get; init; }

    /// <summary>When the binary was built, from the file header.</summary>
    public StixTimestamp? TimeDateStamp { get; init; }

    /// <summary>File offset of the COFF symbol table, hexadecimal.</summary>
    public string? PointerToSymbolTableHex { get; init; }

    /// <summary>The number of entries in the symbol table.</summary>
    public long? NumberOfSymbols { get; init; }

    /// <summary>Size of the optional header in bytes.</summary>
    public long? SizeOfOptionalHeader { get; init; }

    /// <summary>The file's characteristics flags, hexadecimal.</summary>
    public string? CharacteristicsHex { get; init; }

    /// <summary>Hashes of the file header, by algorithm.</summary>
    public IReadOnlyDictionary<string, string>? FileHeaderHashes { get; init; }

    /// <summary>The PE optional header.</summary>
    public WindowsPEOptionalHeader? OptionalHeader { get; init; }

    /// <summary>The sections of the binary.</summary>
    public IReadOnlyList<WindowsPESection>? Sections { get; init; }
}

/// <summary><c>windows-pe-optional-header-type</c>: the PE optional header.</summary>
public sealed record WindowsPEOptionalHeader : ObservableComponent
{
    /// <summary>The magic number (PE32 or PE32+), hexadecimal.</summary>
    public string? MagicHex { get; init; }

    /// <summary>Major linker version.</summary>
    public long? MajorLinkerVersion { get; init; }

    /// <summary>Minor linker version.</summary>
    public long? MinorLinkerVersion { get; init; }

    /// <summary>Size of the code sections.</summary>
    public long? SizeOfCode { get; init; }

    /// <summary>Size of the initialized data sections.</summary>
    public long? SizeOfInitializedData { get; init; }

    /// <summary>Size of the uninitialized data sections.</summary>
    public long? SizeOfUninitializedData { get; init; }

    /// <summary>Address of the entry point, relative to the image base.</summary>
    public long? AddressOfEntryPoint { get; init; }

    /// <summary>Address of the code section, relative to the image base.</summary>
    public long? BaseOfCode { get; init; }

    /// <summary>Address of the data section, relative to the image base.</summary>
    public long? BaseOfData { get; init; }

    /// <summary>Preferred load address of the image.</summary>
    public long? ImageBase { get; init; }

    /// <summary>Section alignment in memory.</summary>
    public long? SectionAlignment { get; init; }

    /// <summary>Section alignment in the file.</summary>
    public long? FileAlignment { get; init; }

    /// <summary>Major version of the required operating system.</summary>
    public long? MajorOsVersion { get; init; }

    /// <summary>Minor version of the required operating system.</summary>
    public long? MinorOsVersion { get; init; }

    /// <summary>Major version of the image.</summary>
    public long? MajorImageVersion { get; init; }

    /// <summary>Minor version of the image.</summary>
    public long? MinorImageVersion { get; init; }

    /// <summary>Major version of the subsystem.</summary>
    public long? MajorSubsystemVersion { get; init; }

    /// <summary>Minor version of the subsystem.</summary>
    public long? MinorSubsystemVersion { get; init; }

    /// <summary>Reserved Win32 version value, hexadecimal.</summary>
    [JsonPropertyName("win32_version_value_hex")]
    public string? Win32VersionValueHex { get; init; }

    /// <summary>Size of the image in memory.</summary>
    public long? SizeOfImage { get; init; }

    /// <summary>Combined size of the headers.</summary>
    public long? SizeOfHeaders { get; init; }

    /// <summary>Image checksum, hexadecimal.</summary>
    public string? ChecksumHex { get; init; }

    /// <summary>The subsystem needed to run the image, hexadecimal.</summary>
    public string? SubsystemHex { get; init; }

    /// <summary>DLL characteristics flags, hexadecimal.</summary>
    public string? DllCharacteristicsHex { get; init; }

    /// <summary>Stack size to reserve.</summary>
    public long? SizeOfStackReserve { get; init; }

    /// <summary>Stack size to commit.</summary>
    public long? SizeOfStackCommit { get; init; }

    /// <summary>Heap size to reserve.</summary>
    public long? SizeOfHeapReserve { get; init; }

    /// <summary>Heap size to commit.</summary>
    public long? SizeOfHeapCommit { get; init; }

    /// <summary>Reserved loader flags, hexadecimal.</summary>
    public string? LoaderFlagsHex { get; init; }

    /// <summary>Number of data-directory entries.</summary>
    public long? NumberOfRvaAndSizes { get; init; }

    /// <summary>Hashes of the optional header, by algorithm.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }
}

/// <summary><c>windows-pe-section-type</c>: a section of a PE binary.</summary>
public sealed record WindowsPESection : ObservableComponent
{
    /// <summary>The section name, e.g. <c>.text</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Size in bytes.</summary>
    public long? Size { get; init; }

    /// <summary>Shannon entropy of the section's content.</summary>
    public double? Entropy { get; init; }

    /// <summary>Hashes of the section, by algorithm.</summary>
    public IReadOnlyDictionary<string, string>? Hashes { get; init; }
}
