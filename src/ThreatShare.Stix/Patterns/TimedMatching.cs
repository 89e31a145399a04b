using System.Text.Json;

namespace ThreatShare.Stix.Patterns;

/// <summary>
/// One timed observation for <see cref="StixPatternMatcher.Match(Pattern, IReadOnlyList{PatternObservation})"/>: what an
/// <c>observed-data</c> object reports, i.e. when it was seen and the SCOs seen.
/// </summary>
/// <param name="FirstObserved">Start of the observation.</param>
/// <param name="LastObserved">End of the observation (not before <paramref name="FirstObserved"/>).</param>
/// <param name="Objects">The SCOs of the observation, as JSON objects.</param>
public sealed record PatternObservation(StixTimestamp FirstObserved, StixTimestamp LastObserved, IReadOnlyList<JsonElement> Objects);

/// <summary>Evaluation of whole patterns (observation operators and qualifiers) over timed observations.</summary>
public sealed partial class StixPatternMatcher
{
    private const int MaxBindings = 10_000;
    private const int MaxRepeats = 256;

    /// <summary>
    /// Matches a whole pattern against a series of timed observations. Each bracketed observation expression is
    /// matched by one observation; <c>AND</c> needs all operands matched by different observations, <c>OR</c> any
    /// operand, and <c>FOLLOWEDBY</c> all operands in order of <c>first_observed</c>. <c>WITHIN n SECONDS</c> keeps
    /// matches whose observations span at most n seconds (earliest first_observed to latest last_observed),
    /// <c>REPEATS n TIMES</c> needs n matches on different observations, and <c>START</c>/<c>STOP</c> keeps matches
    /// whose observations all have first_observed in [START, STOP).
    /// </summary>
    /// <remarks>
    /// When the number of candidate combinations exceeds 10,000 the answer is
    /// <see cref="PatternMatchOutcome.NotEvaluable"/> rather than an unbounded search.
    /// </remarks>
    public PatternMatchResult Match(Pattern pattern, IReadOnlyList<PatternObservation> observations)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        ArgumentNullException.ThrowIfNull(observations);
        var run = new TimedRun(observations, _limits);
        var bindings = run.Evaluate(pattern.Expression);
        if (bindings is { Count: > 0 })
        {
            return new PatternMatchResult(PatternMatchOutcome.Matched);
        }
        return run.Reason is { } reason
            ? new PatternMatchResult(PatternMatchOutcome.NotEvaluable, reason)
            : new PatternMatchResult(PatternMatchOutcome.NotMatched);
    }

    /// <summary>A set of observations (sorted indexes) that together satisfy an expression.</summary>
    private sealed record Binding(int[] Observations);

    private sealed class TimedRun(IReadOnlyList<PatternObservation> observations, StixLimits limits)
    {
        private readonly Context?[] _contexts = new Context?[observations.Count];

        public string? Reason { get; private set; }

        /// <summary>The bindings that satisfy the expression; null when evaluation was abandoned.</summary>
        public List<Binding>? Evaluate(ObservationExpression expression)
        {
            switch (expression)
            {
                case SimpleObservation simple:
                {
                    var result = new List<Binding>();
                    for (int i = 0; i < observations.Count; i++)
                    {
                        var context = _contexts[i] ??= new Context(observations[i].Objects, limits);
                        context.Reason = null;
                        if (context.Evaluate(simple.Comparison) is not null)
                        {
                            result.Add(new Binding([i]));
                        }
                        else if (context.Reason is { } reason)
                        {
                            Reason ??= reason;
                        }
                    }
                    return result;
                }
                case CompoundObservation { Operator: ObservationOperator.Or } or:
                {
                    var result = new List<Binding>();
                    foreach (var operand in or.Operands)
                    {
                        var bindings = Evaluate(operand);
                        if (bindings is null || !Add(result, bindings))
                        {
                            return null;
                        }
                    }
                    return result;
                }
                case CompoundObservation compound:
                {
                    List<Binding>? result = null;
                    foreach (var operand in compound.Operands)
                    {
                        var bindings = Evaluate(operand);
                        if (bindings is null)
                        {
                            return null;
                        }
                        result = result is null ? bindings : Combine(result, bindings, compound.Operator == ObservationOperator.FollowedBy);
                        if (result is null)
                        {
                            return null;
                        }
                    }
                    return result;
                }
                case QualifiedObservation qualified:
                {
                    var result = Evaluate(qualified.Expression);
                    foreach (var qualifier in qualified.Qualifiers)
                    {
                        if (result is null)
                        {
                            return null;
                        }
                        result = qualifier switch
                        {
                            WithinQualifier within => result.FindAll(b => Span(b) <= within.Seconds),
                            StartStopQualifier window => result.FindAll(b => b.Observations.All(i =>
                                observations[i].FirstObserved >= window.Start && observations[i].FirstObserved < window.Stop)),
                            RepeatsQualifier repeats => Repeat(result, repeats.Count),
                            _ => null,
                        };
                    }
                    return result;
                }
                default:
                    return null;
            }
        }

        private bool Add(List<Binding> result, List<Binding> more)
        {
            if (result.Count + more.Count > MaxBindings)
            {
                Reason = $"the pattern has more than {MaxBindings} candidate combinations of observations";
                return false;
            }
            result.AddRange(more);
            return true;
        }

        private List<Binding>? Combine(List<Binding> left, List<Binding> right, bool ordered)
        {
            var result = new List<Binding>();
            foreach (var l in left)
            {
                foreach (var r in right)
                {
                    if (l.Observations.Intersect(r.Observations).Any())
                    {
                        continue;
                    }
                    if (ordered && Latest(l) > Earliest(r))
                    {
                        continue;
                    }
                    if (result.Count == MaxBindings)
                    {
                        Reason = $"the pattern has more than {MaxBindings} candidate combinations of observations";
                        return null;
                    }
                    result.Add(new Binding([.. l.Observations.Union(r.Observations).Order()]));
                }
            }
            return result;
        }

        private List<Binding>? Repeat(List<Binding> bindings, long count)
        {
            if (count > bindings.Count)
            {
                return [];
            }
            if (count > MaxRepeats)
            {
                Reason = $"REPEATS {count} TIMES over {bindings.Count} candidate matches is more than the matcher evaluates (at most {MaxRepeats})";
                return null;
            }
            // Combinations of `count` distinct bindings in list order (so each set is produced once), pairwise disjoint.
            var result = new List<Binding>();
            var chosen = new List<int>();
            return Choose(0) ? result : null;

            bool Choose(int from)
            {
                if (chosen.Count == count)
                {
                    if (result.Count == MaxBindings)
                    {
                        Reason = $"the pattern has more than {MaxBindings} candidate combinations of observations";
                        return false;
                    }
                    result.Add(new Binding([.. chosen.SelectMany(c => bindings[c].Observations).Order()]));
                    return true;
                }
                for (int i = from; i < bindings.Count; i++)
                {
                    if (chosen.Any(c => bindings[c].Observations.Intersect(bindings[i].Observations).Any()))
                    {
                        continue;
                    }
                    chosen.Add(i);
                    bool ok = Choose(i + 1);
                    chosen.RemoveAt(chosen.Count - 1);
                    if (!ok)
                    {
                        return false;
                    }
                }
                return true;
            }
        }

        private StixTimestamp Earliest(Binding b) => b.Observations.Min(i => observations[i].FirstObserved);

        private StixTimestamp Latest(Binding b) => b.Observations.Max(i => observations[i].FirstObserved);

        private double Span(Binding b)
        {
            var start = b.Observations.Min(i => observations[i].FirstObserved);
            var end = b.Observations.Max(i => observations[i].LastObserved);
            return (end.UtcDateTime - start.UtcDateTime).TotalSeconds;
        }
    }
}
