using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ThreatShare.Stix;

/// <summary>
/// A STIX 2.1 timestamp: an RFC 3339 instant in UTC written with <c>Z</c>, which remembers how many
/// fractional-second digits it was written with so that writing it again gives the same text.
/// </summary>
/// <remarks>
/// Up to nine fractional digits (nanoseconds) are kept exactly. Equality and ordering compare the
/// instant only: <c>2016-01-01T00:00:00Z</c> and <c>2016-01-01T00:00:00.000Z</c> are equal.
/// Leap seconds (<c>:60</c>), offsets other than <c>Z</c>, lowercase <c>t</c>/<c>z</c> and impossible
/// dates are rejected.
/// </remarks>
public readonly struct StixTimestamp : IEquatable<StixTimestamp>, IComparable<StixTimestamp>, ISpanFormattable
{
    /// <summary>The largest number of fractional-second digits kept.</summary>
    public const int MaxPrecision = 9;

    private readonly long _ticks;        // UTC ticks (100 ns)
    private readonly byte _subTickNanos; // 0..99: nanoseconds below one tick
    private readonly byte _precision;    // fractional digits as written

    private StixTimestamp(long ticks, int subTickNanos, int precision)
    {
        _ticks = ticks;
        _subTickNanos = (byte)subTickNanos;
        _precision = (byte)precision;
    }

    /// <summary>Creates a timestamp from an instant, written with <paramref name="precision"/> fractional digits (default: milliseconds).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Precision is outside 0..9.</exception>
    public static StixTimestamp FromDateTimeOffset(DateTimeOffset value, int precision = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(precision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxPrecision);
        long ticks = value.UtcTicks;
        // Truncate to the precision the value will be written with, so the value equals its text.
        if (precision < 7)
        {
            long unit = Pow10(7 - precision);
            ticks -= ticks % unit;
        }
        return new StixTimestamp(ticks, 0, precision);
    }

    /// <summary>The instant, truncated to 100 ns.</summary>
    public DateTimeOffset Value => new(_ticks, TimeSpan.Zero);

    /// <summary>The instant as a UTC <see cref="DateTime"/>, truncated to 100 ns.</summary>
    public DateTime UtcDateTime => new(_ticks, DateTimeKind.Utc);

    /// <summary>Number of fractional-second digits the timestamp is written with (0..9).</summary>
    public int Precision => _precision;

    /// <summary>Nanoseconds below 100 ns (0..99); non-zero only for timestamps written with 8 or 9 digits.</summary>
    public int SubTickNanoseconds => _subTickNanos;

    /// <summary>Returns the same instant written with another precision (truncating when it is lower).</summary>
    public StixTimestamp WithPrecision(int precision)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(precision);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(precision, MaxPrecision);
        if (precision >= 7)
        {
            int nanos = precision == 7 ? 0 : _subTickNanos - (_subTickNanos % (int)Pow10(9 - precision));
            return new StixTimestamp(_ticks, nanos, precision);
        }
        long unit = Pow10(7 - precision);
        return new StixTimestamp(_ticks - (_ticks % unit), 0, precision);
    }

    /// <summary>Parses a STIX timestamp; throws <see cref="FormatException"/> with the reason when it is not one.</summary>
    public static StixTimestamp Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text.AsSpan(), out var value, out var error) ? value : throw new FormatException(error);
    }

    /// <summary>Parses a STIX timestamp.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out StixTimestamp value) => TryParse(text, out value, out _);

    /// <summary>Parses a STIX timestamp; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out StixTimestamp value, [NotNullWhen(false)] out string? error)
    {
        value = default;
        // YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z
        if (text.Length < 20)
        {
            error = "timestamp must have the form YYYY-MM-DDTHH:MM:SS[.s+]Z";
            return false;
        }
        if (text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            error = "timestamp must have the form YYYY-MM-DDTHH:MM:SS[.s+]Z (uppercase T)";
            return false;
        }
        if (!TryDigits(text[..4], out int year) || !TryDigits(text.Slice(5, 2), out int month) ||
            !TryDigits(text.Slice(8, 2), out int day) || !TryDigits(text.Slice(11, 2), out int hour) ||
            !TryDigits(text.Slice(14, 2), out int minute) || !TryDigits(text.Slice(17, 2), out int second))
        {
            error = "timestamp must have the form YYYY-MM-DDTHH:MM:SS[.s+]Z (digits expected)";
            return false;
        }
        int pos = 19;
        int digits = 0;
        long fraction = 0; // in units of 10^-digits seconds
        if (text[pos] == '.')
        {
            pos++;
            while (pos < text.Length && char.IsAsciiDigit(text[pos]))
            {
                if (digits == MaxPrecision)
                {
                    error = "timestamp has more than 9 fractional-second digits";
                    return false;
                }
                fraction = (fraction * 10) + (text[pos] - '0');
                digits++;
                pos++;
            }
            if (digits == 0)
            {
                error = "timestamp has a '.' without fractional-second digits";
                return false;
            }
        }
        if (pos != text.Length - 1 || text[pos] != 'Z')
        {
            error = pos < text.Length && (text[pos] == '+' || text[pos] == '-')
                ? "timestamp must be in UTC and end with 'Z' (offsets are not allowed)"
                : "timestamp must end with an uppercase 'Z'";
            return false;
        }
        if (year < 1 || month is < 1 or > 12)
        {
            error = month is < 1 or > 12 ? "timestamp has an impossible month" : "timestamp year must be 0001 or later";
            return false;
        }
        if (day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            error = "timestamp has an impossible day of the month";
            return false;
        }
        if (hour > 23 || minute > 59)
        {
            error = "timestamp has an impossible time of day";
            return false;
        }
        if (second > 59)
        {
            error = second == 60 ? "leap seconds are not allowed in STIX timestamps" : "timestamp has an impossible second";
            return false;
        }

        long ticks = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Utc).Ticks;
        int subTick = 0;
        if (digits > 0)
        {
            // Scale the fraction to nanoseconds, then split into ticks and the sub-tick remainder.
            long nanos = fraction * Pow10(9 - digits);
            ticks += nanos / 100;
            subTick = (int)(nanos % 100);
        }
        value = new StixTimestamp(ticks, subTick, digits);
        error = null;
        return true;
    }

    /// <summary>Writes the timestamp as STIX text, e.g. <c>2016-05-12T08:17:27.000Z</c>.</summary>
    public override string ToString() => string.Create(20 + (_precision == 0 ? 0 : _precision + 1), this, static (span, ts) => ts.TryFormat(span, out _, default, null));

    /// <inheritdoc />
    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    /// <inheritdoc />
    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        int length = 20 + (_precision == 0 ? 0 : _precision + 1);
        if (destination.Length < length)
        {
            charsWritten = 0;
            return false;
        }
        var dt = UtcDateTime;
        dt.TryFormat(destination, out _, "yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        int pos = 19;
        if (_precision > 0)
        {
            destination[pos++] = '.';
            long nanos = ((_ticks % TimeSpan.TicksPerSecond) * 100) + _subTickNanos;
            long scaled = nanos / Pow10(9 - _precision);
            for (int i = _precision - 1; i >= 0; i--)
            {
                destination[pos + i] = (char)('0' + (scaled % 10));
                scaled /= 10;
            }
            pos += _precision;
        }
        destination[pos++] = 'Z';
        charsWritten = pos;
        return true;
    }

    /// <inheritdoc />
    public bool Equals(StixTimestamp other) => _ticks == other._ticks && _subTickNanos == other._subTickNanos;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is StixTimestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_ticks, _subTickNanos);

    /// <inheritdoc />
    public int CompareTo(StixTimestamp other)
    {
        int c = _ticks.CompareTo(other._ticks);
        return c != 0 ? c : _subTickNanos.CompareTo(other._subTickNanos);
    }

    /// <summary>Instant equality.</summary>
    public static bool operator ==(StixTimestamp left, StixTimestamp right) => left.Equals(right);

    /// <summary>Instant inequality.</summary>
    public static bool operator !=(StixTimestamp left, StixTimestamp right) => !left.Equals(right);

    /// <summary>Earlier than.</summary>
    public static bool operator <(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) < 0;

    /// <summary>Later than.</summary>
    public static bool operator >(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) > 0;

    /// <summary>Earlier than or the same instant.</summary>
    public static bool operator <=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) <= 0;

    /// <summary>Later than or the same instant.</summary>
    public static bool operator >=(StixTimestamp left, StixTimestamp right) => left.CompareTo(right) >= 0;

    private static bool TryDigits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
            value = (value * 10) + (c - '0');
        }
        return true;
    }

    private static long Pow10(int n)
    {
        long r = 1;
        for (int i = 0; i < n; i++)
        {
            r *= 10;
        }
        return r;
    }
}
