using System.Text.Json;
using System.Text.Json.Serialization;

namespace ThreatShare.Stix;

/// <summary><c>process</c>: an instance of a running program. It has no ID contributing properties, so its
/// identifier is always random. Its predefined extensions are <see cref="WindowsProcessExtension"/> and
/// <see cref="WindowsServiceExtension"/>.</summary>
public sealed record StixProcess : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "process";

    /// <summary>Creates a <c>process</c>.</summary>
    public StixProcess() : base(TypeName)
    {
    }

    /// <summary>Whether the process is hidden.</summary>
    public bool? IsHidden { get; init; }

    /// <summary>The process identifier.</summary>
    public long? Pid { get; init; }

    /// <summary>When the process was created.</summary>
    public StixTimestamp? CreatedTime { get; init; }

    /// <summary>The current working directory.</summary>
    public string? Cwd { get; init; }

    /// <summary>The full command line, executable name included.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Environment variables by name.</summary>
    public IReadOnlyDictionary<string, string>? EnvironmentVariables { get; init; }

    /// <summary>The <c>network-traffic</c> objects of connections the process opened.</summary>
    public IReadOnlyList<StixIdentifier>? OpenedConnectionRefs { get; init; }

    /// <summary>The <c>user-account</c> that created the process.</summary>
    public StixIdentifier? CreatorUserRef { get; init; }

    /// <summary>The <c>file</c> of the executable.</summary>
    public StixIdentifier? ImageRef { get; init; }

    /// <summary>The parent <c>process</c>.</summary>
    public StixIdentifier? ParentRef { get; init; }

    /// <summary>The child <c>process</c> objects.</summary>
    public IReadOnlyList<StixIdentifier>? ChildRefs { get; init; }

    /// <summary>The <c>windows-process-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public WindowsProcessExtension? WindowsProcessExt => Extensions?.GetValueOrDefault(WindowsProcessExtension.ExtensionName) as WindowsProcessExtension;

    /// <summary>The <c>windows-service-ext</c> extension, if present.</summary>
    [JsonIgnore]
    public WindowsServiceExtension? WindowsServiceExt => Extensions?.GetValueOrDefault(WindowsServiceExtension.ExtensionName) as WindowsServiceExtension;
}

/// <summary><c>windows-process-ext</c> of <c>process</c>: a Windows process.</summary>
public sealed record WindowsProcessExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "windows-process-ext";

    /// <summary>Whether address space layout randomization is enabled.</summary>
    public bool? AslrEnabled { get; init; }

    /// <summary>Whether data execution prevention is enabled.</summary>
    public bool? DepEnabled { get; init; }

    /// <summary>The priority class, e.g. <c>HIGH_PRIORITY_CLASS</c>.</summary>
    public string? Priority { get; init; }

    /// <summary>The SID of the owner.</summary>
    public string? OwnerSid { get; init; }

    /// <summary>The title of the main window.</summary>
    public string? WindowTitle { get; init; }

    /// <summary>The STARTUPINFO structure, by member name; values are JSON strings or integers.</summary>
    public IReadOnlyDictionary<string, JsonElement>? StartupInfo { get; init; }

    /// <summary>The integrity level (<c>windows-integrity-level-enum</c>: <c>low</c>, <c>medium</c>, <c>high</c>, <c>system</c>).</summary>
    public string? IntegrityLevel { get; init; }
}

/// <summary><c>windows-service-ext</c> of <c>process</c>: a Windows service.</summary>
public sealed record WindowsServiceExtension : StixExtension
{
    /// <summary>The extension name.</summary>
    public const string ExtensionName = "windows-service-ext";

    /// <summary>The service name.</summary>
    public string? ServiceName { get; init; }

    /// <summary>The descriptions of the service.</summary>
    public IReadOnlyList<string>? Descriptions { get; init; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>The load-ordering group.</summary>
    public string? GroupName { get; init; }

    /// <summary>The start type (<c>windows-service-start-type-enum</c>, e.g. <c>SERVICE_AUTO_START</c>).</summary>
    public string? StartType { get; init; }

    /// <summary>The <c>file</c> objects of the DLLs the service loads.</summary>
    public IReadOnlyList<StixIdentifier>? ServiceDllRefs { get; init; }

    /// <summary>The service type (<c>windows-service-type-enum</c>, e.g. <c>SERVICE_WIN32_OWN_PROCESS</c>).</summary>
    public string? ServiceType { get; init; }

    /// <summary>The status (<c>windows-service-status-enum</c>, e.g. <c>SERVICE_RUNNING</c>).</summary>
    public string? ServiceStatus { get; init; }
}
