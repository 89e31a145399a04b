using System.Net;
using System.Text.Json;

namespace ThreatShare.Client;

/// <summary>The base of every error the client reports about the server or the network.</summary>
public class ThreatShareException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ThreatShareException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong, for a person.</param>
    public ThreatShareException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What went wrong, for a person.</param>
    /// <param name="innerException">The cause.</param>
    public ThreatShareException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

/// <summary>
/// The server refused the client's identity: the token endpoint rejected the client id or secret, or the
/// server refused a fresh token, or closed the live channel at once (a disabled client, or one without
/// the <c>alerts</c> scope). Retrying does not help; fix the credentials.
/// </summary>
public sealed class ThreatShareAuthenticationException : ThreatShareException
{
    /// <summary>Creates the exception.</summary>
    public ThreatShareAuthenticationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What the server refused, for a person.</param>
    public ThreatShareAuthenticationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What the server refused, for a person.</param>
    /// <param name="innerException">The cause.</param>
    public ThreatShareAuthenticationException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

/// <summary>The server could not be reached (refused or lost connections, name resolution, time-outs), after the retries allowed.</summary>
public sealed class ThreatShareUnreachableException : ThreatShareException
{
    /// <summary>Creates the exception.</summary>
    public ThreatShareUnreachableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What could not be reached, for a person.</param>
    public ThreatShareUnreachableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">What could not be reached, for a person.</param>
    /// <param name="innerException">The last network error.</param>
    public ThreatShareUnreachableException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}

/// <summary>The server answered a request with an error (a problem document): invalid input, forbidden, not found, conflict.</summary>
public sealed class ThreatShareRequestException : ThreatShareException
{
    /// <summary>Creates the exception.</summary>
    public ThreatShareRequestException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">The server's answer, for a person.</param>
    public ThreatShareRequestException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    /// <param name="message">The server's answer, for a person.</param>
    /// <param name="innerException">The cause.</param>
    public ThreatShareRequestException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an error answer.</summary>
    /// <param name="statusCode">The HTTP status.</param>
    /// <param name="problem">The problem document, or a JSON null.</param>
    /// <param name="message">The server's answer, for a person.</param>
    public ThreatShareRequestException(HttpStatusCode statusCode, JsonElement problem, string message) : base(message)
    {
        StatusCode = statusCode;
        Problem = problem;
    }

    /// <summary>The HTTP status of the answer.</summary>
    public HttpStatusCode StatusCode { get; }

    /// <summary>The problem document (<c>type</c>, <c>title</c>, <c>detail</c>, <c>errors</c>), or default when the answer had none.</summary>
    public JsonElement Problem { get; }
}
