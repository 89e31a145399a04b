using System.Text.Json;

namespace ThreatShare.Stix;

/// <summary><c>email-message</c>: an e-mail message (RFC 5322), with its header and body.</summary>
public sealed record EmailMessage : StixCyberObservable
{
    /// <summary>The STIX type name.</summary>
    public const string TypeName = "email-message";

    /// <summary>Creates an <c>email-message</c>.</summary>
    public EmailMessage() : base(TypeName)
    {
    }

    /// <summary>Whether the body is MIME multipart; <see cref="BodyMultipart"/> holds the parts then, else <see cref="Body"/>.</summary>
    public required bool IsMultipart { get; init; }

    /// <summary>When the message was sent.</summary>
    public StixTimestamp? Date { get; init; }

    /// <summary>The Content-Type header.</summary>
    public string? ContentType { get; init; }

    /// <summary>The <c>email-addr</c> of the From header. ID contributing.</summary>
    public StixIdentifier? FromRef { get; init; }

    /// <summary>The <c>email-addr</c> of the Sender header.</summary>
    public StixIdentifier? SenderRef { get; init; }

    /// <summary>The <c>email-addr</c> objects of the To header.</summary>
    public IReadOnlyList<StixIdentifier>? ToRefs { get; init; }

    /// <summary>The <c>email-addr</c> objects of the CC header.</summary>
    public IReadOnlyList<StixIdentifier>? CcRefs { get; init; }

    /// <summary>The <c>email-addr</c> objects of the BCC header.</summary>
    public IReadOnlyList<StixIdentifier>? BccRefs { get; init; }

    /// <summary>The Message-ID header.</summary>
    public string? MessageId { get; init; }

    /// <summary>The Subject header. ID contributing.</summary>
    public string? Subject { get; init; }

    /// <summary>The Received headers, in order.</summary>
    public IReadOnlyList<string>? ReceivedLines { get; init; }

    /// <summary>Other headers by name; each value is a JSON string or a list of strings.</summary>
    public IReadOnlyDictionary<string, JsonElement>? AdditionalHeaderFields { get; init; }

    /// <summary>The body of a message that is not multipart. ID contributing.</summary>
    public string? Body { get; init; }

    /// <summary>The MIME parts of a multipart message.</summary>
    public IReadOnlyList<EmailMimePart>? BodyMultipart { get; init; }

    /// <summary>The <c>artifact</c> holding the whole raw message.</summary>
    public StixIdentifier? RawEmailRef { get; init; }
}

/// <summary><c>email-mime-part-type</c>: one MIME part of a multipart message.</summary>
public sealed record EmailMimePart : ObservableComponent
{
    /// <summary>The content of a text part (exclusive with <see cref="BodyRawRef"/>).</summary>
    public string? Body { get; init; }

    /// <summary>The <c>artifact</c> or <c>file</c> holding a non-text part (exclusive with <see cref="Body"/>).</summary>
    public StixIdentifier? BodyRawRef { get; init; }

    /// <summary>The part's Content-Type header.</summary>
    public string? ContentType { get; init; }

    /// <summary>The part's Content-Disposition header.</summary>
    public string? ContentDisposition { get; init; }
}
