using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ThreatShare.Stix.Validation;

/// <summary>
/// The state of one validation run: the current JSON path as a stack of segments (formatted only
/// when an issue is reported) and the issues found so far.
/// </summary>
internal sealed class ValidationContext
{
    private Segment[] _path = new Segment[8];
    private int _depth;
    private List<StixIssue>? _errors;
    private List<StixIssue>? _warnings;

    public ValidationContext(StixLimits limits) => Limits = limits;

    public StixLimits Limits { get; }

    /// <summary>Type of the top-level object being validated (for the <c>id</c> rule).</summary>
    public string? CurrentType { get; set; }

    /// <summary>Category of the top-level object being validated.</summary>
    public ObjectCategory CurrentCategory { get; set; }

    /// <summary>Set once the document is found too deep: the tree walk stops.</summary>
    public bool Aborted { get; set; }

    public int ErrorCount => _errors?.Count ?? 0;

    public void Push(string name) => PushSegment(new Segment(name, -1, default, false));

    public void Push(int index) => PushSegment(new Segment(null, index, default, false));

    /// <summary>Pushes a property whose name is decoded only if an issue is reported.</summary>
    public void Push(JsonProperty property) => PushSegment(new Segment(null, -1, property, true));

    public void Pop() => _depth--;

    public void Error(string message) => (_errors ??= []).Add(new StixIssue(StixIssueSeverity.Error, FormatPath(), message));

    public void Warning(string message) => (_warnings ??= []).Add(new StixIssue(StixIssueSeverity.Warning, FormatPath(), message));

    public void ErrorAt(string child, string message)
    {
        Push(child);
        Error(message);
        Pop();
    }

    public void WarningAt(string child, string message)
    {
        Push(child);
        Warning(message);
        Pop();
    }

    public StixValidationResult ToResult() => new(
        (IReadOnlyList<StixIssue>?)_errors ?? [],
        (IReadOnlyList<StixIssue>?)_warnings ?? []);

    public string FormatPath()
    {
        var sb = new StringBuilder("$", 16 + (_depth * 12));
        for (int i = 0; i < _depth; i++)
        {
            ref readonly var s = ref _path[i];
            if (s.Index >= 0)
            {
                sb.Append('[').Append(s.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                continue;
            }
            string name = s.IsProperty ? JsonText.SafePropertyName(s.Property) : s.Name ?? string.Empty;
            if (IsPlainIdentifier(name))
            {
                sb.Append('.').Append(name);
            }
            else
            {
                sb.Append("['");
                foreach (char c in name)
                {
                    if (c is '\'' or '\\')
                    {
                        sb.Append('\\').Append(c);
                    }
                    else if (char.IsControl(c) || char.IsSurrogate(c))
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }
                sb.Append("']");
            }
        }
        return sb.ToString();
    }

    private static bool IsPlainIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }
        foreach (char c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_')
            {
                return false;
            }
        }
        return true;
    }

    private void PushSegment(Segment segment)
    {
        if (_depth == _path.Length)
        {
            Array.Resize(ref _path, _path.Length * 2);
        }
        _path[_depth++] = segment;
    }

    private readonly record struct Segment(string? Name, int Index, JsonProperty Property, bool IsProperty);
}
