using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace ThreatShare.Stix.Validation;

/// <summary>
/// Validates STIX 2.1 documents (one object or a bundle) on their raw JSON and reports every problem
/// with its JSON path: errors for the specification's MUSTs, warnings for its SHOULDs and for values
/// outside open vocabularies. Stateless and thread-safe; build one and reuse it.
/// </summary>
/// <example>
/// <code>
/// var result = new StixValidator().Validate(File.ReadAllBytes("bundle.json"));
/// foreach (var issue in result.Errors) Console.WriteLine(issue); // ERROR $.objects[3].valid_until: ...
/// </code>
/// </example>
public sealed class StixValidator
{
    private readonly StixLimits _limits;
    private readonly JsonDocumentOptions _options;

    /// <summary>Creates a validator bounded by <paramref name="limits"/> (default: <see cref="StixLimits.Default"/>).</summary>
    public StixValidator(StixLimits? limits = null)
    {
        _limits = limits ?? StixLimits.Default;
        _options = new JsonDocumentOptions
        {
            MaxDepth = _limits.MaxJsonDepth,
            // Duplicate names are found by the validator's own walk (cheaper, and reported with a path).
            AllowDuplicateProperties = true,
            AllowTrailingCommas = false,
            CommentHandling = JsonCommentHandling.Disallow,
        };
    }

    /// <summary>The limits this validator applies.</summary>
    public StixLimits Limits => _limits;

    /// <summary>Validates an already parsed document (a STIX object or a bundle).</summary>
    /// <remarks>Duplicate property names, NUL characters and lone surrogate escapes are reported too.</remarks>
    public StixValidationResult Validate(JsonElement document)
    {
        var ctx = new ValidationContext(_limits);
        JsonText.Scan(document, ctx, 0);
        if (ctx.Aborted)
        {
            return ctx.ToResult();
        }
        Engine.ValidateStixObject(document, ctx, inBundle: false);
        return ctx.ToResult();
    }

    /// <summary>
    /// Parses and validates UTF-8 JSON (a leading byte order mark is skipped). Malformed or hostile input
    /// (bad JSON, duplicate names, too large, too deep) becomes an error in the result, never an exception.
    /// </summary>
    public StixValidationResult Validate(ReadOnlySpan<byte> utf8Json)
    {
        if (utf8Json.Length > _limits.MaxDocumentBytes)
        {
            return Single($"the document is {utf8Json.Length} bytes, larger than the limit of {_limits.MaxDocumentBytes}");
        }
        if (utf8Json.StartsWith("\uFEFF"u8))
        {
            utf8Json = utf8Json[3..];
        }
        if (utf8Json.IsEmpty)
        {
            return Single("the document is empty");
        }
        byte[] buffer = ArrayPool<byte>.Shared.Rent(utf8Json.Length);
        try
        {
            utf8Json.CopyTo(buffer);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(buffer.AsMemory(0, utf8Json.Length), _options);
            }
            catch (JsonException e)
            {
                string where = e.LineNumber is { } line && e.BytePositionInLine is { } column
                    ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}, position {column + 1}")
                    : string.Empty;
                return Single($"malformed JSON{where}: {e.Message}");
            }
            catch (InvalidOperationException e)
            {
                // Raised while comparing property names for duplicates when a name holds a lone surrogate escape.
                return Single($"malformed JSON: a property name cannot be decoded ({e.Message})");
            }
            using (document)
            {
                return Validate(document.RootElement);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static StixValidationResult Single(string message) =>
        new([new StixIssue(StixIssueSeverity.Error, "$", message)], []);
}
