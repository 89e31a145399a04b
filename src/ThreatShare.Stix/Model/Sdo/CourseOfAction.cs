namespace ThreatShare.Stix;

/// <summary><c>course-of-action</c>: a recommendation to prevent or respond to an attack.</summary>
public sealed record CourseOfAction : StixDomainObject
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "course-of-action";

    /// <summary>Creates an empty <c>course-of-action</c>; set the required properties with an object initializer.</summary>
    public CourseOfAction() : base(TypeName)
    {
    }

    /// <summary>A name that identifies the course of action.</summary>
    public required string Name { get; init; }

    /// <summary>More details and context about the course of action.</summary>
    public string? Description { get; init; }
}
