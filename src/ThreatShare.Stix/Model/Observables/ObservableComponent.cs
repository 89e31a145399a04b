namespace ThreatShare.Stix;

/// <summary>
/// Base of the nested types of cyber-observable objects (e.g. <see cref="EmailMimePart"/>,
/// <see cref="WindowsRegistryValue"/>): keeps the properties a type does not model, so reading then writing loses
/// nothing.
/// </summary>
public abstract record ObservableComponent : StixJsonObject
{}
