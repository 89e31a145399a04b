namespace ThreatShare.Stix;

/// <summary><c>windows-registry-key</c>: a key of the Windows registry, with its values.</summary>
public sealed record WindowsRegistryKey : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "windows-registry-key";

    /// <summary>Creates a <c>windows-registry-key</c>.</summary>
    public WindowsRegistryKey() : base(TypeName)
    {
    }

    /// <summary>The full key, hive included, e.g. <c>HKEY_LOCAL_MACHINE\System\Foo</c>. ID contributing.</summary>
    public string? Key { get; init; }

    /// <summary>The values of the key. ID contributing.</summary>
    public IReadOnlyList<WindowsRegistryValue>? Values { get; init; }

    /// <summary>When the key was last modified.</summary>
    public StixTimestamp? ModifiedTime { get; init; }

    /// <summary>The <c>user-account</c> that created the key.</summary>
    public StixIdentifier? CreatorUserRef { get; init; }

    /// <summary>The number of subkeys.</summary>
    public long? NumberOfSubkeys { get; init; }
}

/// <summary><c>windows-registry-value-type</c>: one value of a registry key.</summary>
public sealed record WindowsRegistryValue : ObservableComponent
{
    /// <summary>The value name (empty for the default value).</summary>
    public string? Name { get; init; }

    /// <summary>The data, as text.</summary>
    public string? Data { get; init; }

    /// <summary>The data type (<c>windows-registry-datatype-enum</c>, e.g. <c>REG_SZ</c>).</summary>
    public string? DataType { get; init; }
}
