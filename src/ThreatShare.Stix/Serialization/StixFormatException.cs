using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary>The input is not STIX JSON this library can read; <see cref="JsonException.Path"/> says where.</summary>
public sealed class StixFormatException : JsonException
{
    /// <summary>Creates an exception without details.</summary>
    public StixFormatException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public StixFormatException(string message) : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the cause.</summary>
    public StixFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an exception with a message, the JSON path and position of the problem, and the cause.</summary>
    public StixFormatException(string message, string? path, long? lineNumber, long? bytePositionInLine, Exception? innerException)
        : base(message, path, lineNumber, bytePositionInLine, innerException)
    {
    }
}
