namespace ThreatShare.Stix;

/// <summary>Creating new versions of versioned STIX objects.</summary>
public static class StixVersioning
{
    /// <summary>
    /// Returns a new version of <paramref name="obj"/>: the same object with <c>modified</c> set to
    /// <paramref name="modified"/>, which must be later than the current <c>modified</c>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="modified"/> is not later than the current <c>modified</c>.</exception>
    /// <exception cref="InvalidOperationException">The object is revoked.</exception>
    public static T NewVersion<T>(this T obj, StixTimestamp modified)
        where T : StixObject, IStixVersioned
    {
        ArgumentNullException.ThrowIfNull(obj);
        if (obj.Revoked == true)
        {
            throw new InvalidOperationException($"{obj.Id} is revoked: a revoked object gets no new versions.");
        }
        if (modified <= obj.Modified)
        {
            throw new ArgumentOutOfRangeException(nameof(modified), modified, $"modified must be later than the current modified {obj.Modified}.");
        }
        // WithModified returns a copy of the same runtime type (record clone), so the cast holds.
        return (T)obj.WithModified(modified);
    }

    /// <summary>
    /// Returns a new version of <paramref name="obj"/> with <c>modified</c> set to the current time of
    /// <paramref name="clock"/>, written to the millisecond.
    /// </summary>
    /// <exception cref="InvalidOperationException">The object is revoked, or the clock is not later than the current <c>modified</c>.</exception>
    public static T NewVersion<T>(this T obj, TimeProvider clock)
        where T : StixObject, IStixVersioned
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(clock);
        var now = StixTimestamp.FromDateTimeOffset(clock.GetUtcNow(), 3);
        if (now <= obj.Modified)
        {
            throw new InvalidOperationException($"The clock ({now}) is not later than the current modified {obj.Modified} of {obj.Id}.");
        }
        return obj.NewVersion(now);
    }

    /// <summary>Returns a new, revoked version of <paramref name="obj"/> (<c>revoked: true</c>, <c>modified</c> set).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="modified"/> is not later than the current <c>modified</c>.</exception>
    /// <exception cref="InvalidOperationException">The object is already revoked.</exception>
    public static T Revoke<T>(this T obj, StixTimestamp modified)
        where T : StixObject, IStixVersioned
    {
        var next = obj.NewVersion(modified);
        return (T)next.WithRevoked();
    }
}
