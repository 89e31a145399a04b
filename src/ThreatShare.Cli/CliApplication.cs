using System.CommandLine;
using System.CommandLine.Invocation;
using System.Text;
using ThreatShare.Stix;

namespace ThreatShare.Cli;

/// <summary>
/// The <c>threatshare</c> command tree. <see cref="RunAsync(string[], CliConsole, CancellationToken)"/> is the whole
/// program: it parses, maps every parse error to exit code 2, and runs the chosen verb against the given streams.
/// </summary>
internal static class CliApplication
{
    private const string PatternCheckDescription =
        """
        Check STIX 2.1 patterns, one per line of standard input.
        Writes one JSON object per input line, in order:
          {"valid":true}
          {"valid":false,"error":"<message>","line":L,"column":C}
        With --jsonl each input line is a JSON string literal, so a pattern may contain any character.
        Exit code: 0 all valid, 1 any invalid, 2 usage error.

        Example:
          echo "[ipv4-addr:value = '198.51.100.1']" | threatshare pattern check
        """;

    private const string StixValidateDescription =
        """
        Validate STIX 2.1 JSON: FILE, or standard input when FILE is absent or '-'.
        Without --jsonl the whole input is one document (an object or a bundle); with --jsonl each line is one document.
        Writes one JSON object per document, in order:
          {"valid":true,"warnings":[...]}
          {"valid":false,"errors":[{"path":"$.pattern","message":"..."}],"warnings":[...]}
        Exit code: 0 all valid, 1 any invalid, 2 usage error (unknown option, missing FILE).

        Examples:
          threatshare stix validate bundle.json
          cat objects.jsonl | threatshare stix validate --jsonl
        """;

    private const string AuditVerifyDescription =
        """
        Verify the audit log's hash chain, reading the store directly (read-only; no server needed).
        Writes one JSON object:
          {"intact":true,"records":N,"last_sequence":N,"last_hash":"<sha-256>"}
          {"intact":false,...,"broken_at":S,"problem":"record S does not match its hash: ..."}
        Keep last_sequence:last_hash somewhere else; give it later as --checkpoint to detect a rewritten
        or truncated log that the store alone could not reveal.
        Exit code: 0 intact, 1 broken, 2 usage error or unreadable store.

        Examples:
          threatshare audit verify --data-dir ./data
          threatshare audit verify --postgres "Host=db;Database=threatshare;Username=auditor" --checkpoint 1200:3f5a…
        """;

    private const string WatchDescription =
        """
        Follow the live alerts: one JSON line per alert on standard output, exactly as the server sends it
        ({"stream","sequence","kind","channel","objectId","type","tlp","at","object"}), in order within each stream,
        each once. Reconnects and resumes by itself. With --state FILE, the last sequence written per stream is
        kept in FILE (replaced atomically after the lines are flushed), and a restart resumes right after it.
        Credentials may come from THREATSHARE_SERVER, THREATSHARE_CLIENT_ID and THREATSHARE_CLIENT_SECRET.
        SIGINT/SIGTERM: flush, save the state, exit 0.
        Exit code: 0 stopped, 2 usage error or unreadable state file, 3 authentication failed,
        4 server unreachable after the retries, 5 refused by the server (e.g. a stream the client does not read).

        Example:
          THREATSHARE_CLIENT_SECRET=… threatshare watch --server https://threatshare.example --client-id siem --state watch.json >> alerts.jsonl
        """;

    private const string ExportDescription =
        """
        Export what this client may receive in bulk, streamed to standard output or to --output FILE
        (written beside FILE and renamed over it once complete). FORMAT is one of
          stix, csv, suricata, rpz, ipv4, ipv6, domains, urls, md5, sha1, sha256, sha512.
        A feed client (scope 'feeds') gets TLP:CLEAR and GREEN; an organization's own client ('stix.read')
        also AMBER and AMBER+STRICT; TLP:RED is never exported in bulk. Warning-list values never appear in
        block lists, RPZ zones or rules. Revoked and expired indicators are left out unless asked for.
        With --since-state FILE the entity tag of the last export of the same query is kept in FILE: when
        nothing changed, nothing is transferred or written (exit 0).
        Credentials may come from THREATSHARE_SERVER, THREATSHARE_CLIENT_ID and THREATSHARE_CLIENT_SECRET.
        Exit code: 0 exported or not modified, 1 refused by the server (bad filter, missing scope),
        2 usage error, 3 authentication failed, 4 server unreachable or transfer broken off.

        Examples:
          threatshare export ipv4 --output /etc/firewall/threatshare-ipv4.txt --since-state ipv4.state
          threatshare export suricata --tlp green --min-confidence 70 > threatshare.rules
          threatshare export csv --channel sector:finance --type domain --type url
        """;

    /// <summary>Runs with the real STIX library and default limits.</summary>
    public static Task<int> RunAsync(string[] args, CliConsole console, CancellationToken ct) =>
        RunAsync(args, console, new StixLibraryChecks(StixLimits.Default), StixLimits.Default, ct);

    /// <summary>Runs with the given checks, so tests can fix their answers.</summary>
    public static async Task<int> RunAsync(string[] args, CliConsole console, IStixChecks checks, StixLimits limits, CancellationToken ct)
    {
        var root = BuildCommands(console, checks, limits);

        // No response files: an argument such as "@list" is a file name here, not a list of more arguments.
        var parseResult = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                await console.Error.WriteLineAsync("threatshare: " + error.Message);
            }

            await console.Error.WriteLineAsync("Run 'threatshare --help' for usage.");
            await console.Error.FlushAsync(ct);
            return ExitCodes.Usage;
        }

        // Help and version are text; they share standard output with the JSON answers.
        await using var helpWriter = new StreamWriter(console.Output, new UTF8Encoding(false), bufferSize: 4096, leaveOpen: true);
        helpWriter.NewLine = "\n";
        var invocation = new InvocationConfiguration
        {
            Output = helpWriter,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            // watch handles SIGINT/SIGTERM itself (flush, save its state, exit 0); the other verbs stop as usual.
            ProcessTerminationTimeout = null,
        };
        try
        {
            return await parseResult.InvokeAsync(invocation, ct);
        }
        catch (IOException e)
        {
            // A closed pipe (| head) or a failing disk: say so plainly instead of a stack trace.
            await console.Error.WriteLineAsync("threatshare: I/O error: " + e.Message);
            return ExitCodes.Usage;
        }
        finally
        {
            await helpWriter.FlushAsync(ct);
        }
    }

    private static RootCommand BuildCommands(CliConsole console, IStixChecks checks, StixLimits limits)
    {
        var patternJsonl = new Option<bool>("--jsonl")
        {
            Description = "Each input line is a JSON string literal holding one pattern.",
        };
        var patternCheck = new Command("check", PatternCheckDescription) { patternJsonl };
        patternCheck.SetAction((parseResult, ct) =>
            new PatternCheckVerb(checks, limits).RunAsync(console.Input, console.Output, parseResult.GetValue(patternJsonl), ct));

        var stixJsonl = new Option<bool>("--jsonl")
        {
            Description = "Each input line is one JSON document (JSON Lines).",
        };
        var file = new Argument<string?>("FILE")
        {
            Description = "The JSON file to validate; standard input when absent or '-'.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        file.Validators.Add(result =>
        {
            // An unknown option would otherwise be taken for a file name; "./-name" still reaches such a file.
            if (result.GetValueOrDefault<string?>() is { Length: > 1 } value && value.StartsWith('-'))
            {
                result.AddError($"Unrecognized option '{value}'.");
            }
        });
        var stixValidate = new Command("validate", StixValidateDescription) { stixJsonl, file };
        stixValidate.SetAction((parseResult, ct) =>
            ValidateAsync(console, checks, limits, parseResult.GetValue(file), parseResult.GetValue(stixJsonl), ct));

        var dataDir = new Option<string?>("--data-dir") { Description = "The server's data directory (the embedded SQLite store); ./data when neither store is given." };
        var postgres = new Option<string?>("--postgres") { Description = "A PostgreSQL connection string (a read-only role is enough)." };
        var checkpoint = new Option<string?>("--checkpoint") { Description = "A checkpoint kept from an earlier verification: <last_sequence>:<last_hash>." };
        var auditVerify = new Command("verify", AuditVerifyDescription) { dataDir, postgres, checkpoint };
        auditVerify.SetAction((parseResult, ct) => new AuditVerifyVerb(console).RunAsync(
            parseResult.GetValue(dataDir), parseResult.GetValue(postgres), parseResult.GetValue(checkpoint), ct));

        var server = new Option<string?>("--server") { Description = "The server's address, e.g. https://threatshare.example (default: $THREATSHARE_SERVER)." };
        var clientId = new Option<string?>("--client-id") { Description = "The API client's id (default: $THREATSHARE_CLIENT_ID)." };
        var clientSecret = new Option<string?>("--client-secret") { Description = "The API client's secret (default: $THREATSHARE_CLIENT_SECRET; prefer it, a command line is visible to other users)." };
        var stream = new Option<string[]>("--stream") { Description = "A stream to follow, e.g. channel:sector:finance (repeatable; default: every stream the server gives).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var state = new Option<string?>("--state") { Description = "A JSON file of stream → last sequence written: read at start, replaced after each flush." };
        var fromBeginning = new Option<bool>("--from-beginning") { Description = "Streams without a saved position start at their first alert (default: at the newest)." };
        var retries = new Option<int>("--retries") { Description = "Failed connection attempts in a row before giving up with exit code 4 (default 10).", DefaultValueFactory = _ => 10 };
        var watch = new Command("watch", WatchDescription) { server, clientId, clientSecret, stream, state, fromBeginning, retries };
        watch.SetAction((parseResult, ct) => new WatchVerb(console).RunAsync(new WatchArguments(
            parseResult.GetValue(server), parseResult.GetValue(clientId), parseResult.GetValue(clientSecret), parseResult.GetValue(stream) ?? [],
            parseResult.GetValue(state), parseResult.GetValue(fromBeginning), parseResult.GetValue(retries)), ct));

        var format = new Argument<string>("FORMAT") { Description = "stix, csv, suricata, rpz, ipv4, ipv6, domains, urls, md5, sha1, sha256 or sha512." };
        format.AcceptOnlyFromAmong("stix", "csv", "suricata", "rpz", "ipv4", "ipv6", "domains", "urls", "md5", "sha1", "sha256", "sha512");
        var exportServer = new Option<string?>("--server") { Description = server.Description };
        var exportClientId = new Option<string?>("--client-id") { Description = clientId.Description };
        var exportClientSecret = new Option<string?>("--client-secret") { Description = clientSecret.Description };
        var outputFile = new Option<string?>("--output", "-o") { Description = "Write to FILE (replaced once complete) instead of standard output." };
        var channel = new Option<string[]>("--channel") { Description = "Only this channel, e.g. sector:finance (repeatable).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var type = new Option<string[]>("--type") { Description = "Only this observable type: ipv4, ipv6, domain, url, md5, sha1, sha256, sha512, email (repeatable).", Arity = ArgumentArity.OneOrMore, AllowMultipleArgumentsPerToken = false };
        var tlp = new Option<string?>("--tlp") { Description = "The highest TLP level to include: clear, green, amber or amber+strict." };
        var addedAfter = new Option<DateTimeOffset?>("--added-after") { Description = "Only versions stored after this time (RFC 3339, e.g. 2026-11-01T00:00:00Z)." };
        var minConfidence = new Option<int?>("--min-confidence") { Description = "Only indicators with at least this confidence (0-100)." };
        var minSightings = new Option<int?>("--min-sightings") { Description = "Only indicators sighted by at least this many organizations." };
        var includeRevoked = new Option<bool>("--include-revoked") { Description = "Include revoked indicators." };
        var includeExpired = new Option<bool>("--include-expired") { Description = "Include indicators whose valid_until has passed." };
        var sinceState = new Option<string?>("--since-state") { Description = "A JSON file keeping the last export's entity tag: an unchanged export transfers nothing." };
        var export = new Command("export", ExportDescription)
        {
            format, exportServer, exportClientId, exportClientSecret, outputFile, channel, type, tlp, addedAfter, minConfidence, minSightings, includeRevoked, includeExpired, sinceState,
        };
        export.SetAction((parseResult, ct) => new ExportVerb(console).RunAsync(new ExportArguments(
            parseResult.GetValue(exportServer), parseResult.GetValue(exportClientId), parseResult.GetValue(exportClientSecret),
            new ThreatShare.Client.ExportQuery(parseResult.GetValue(format)!) // required argument
            {
                Channels = parseResult.GetValue(channel),
                Types = parseResult.GetValue(type),
                TlpCeiling = parseResult.GetValue(tlp),
                AddedAfter = parseResult.GetValue(addedAfter),
                MinConfidence = parseResult.GetValue(minConfidence),
                MinSightingOrganizations = parseResult.GetValue(minSightings),
                IncludeRevoked = parseResult.GetValue(includeRevoked),
                IncludeExpired = parseResult.GetValue(includeExpired),
            },
            parseResult.GetValue(outputFile), parseResult.GetValue(sinceState)), ct));

        return new RootCommand("ThreatShare command line: check STIX patterns, validate STIX 2.1 documents, verify the audit log, watch the live alerts, export feeds.")
        {
            watch,
            export,
            new Command("pattern", "Work with STIX patterns.") { patternCheck },
            new Command("stix", "Work with STIX 2.1 documents.") { stixValidate },
            new Command("audit", "Work with the audit log.") { auditVerify },
        };
    }

    private static async Task<int> ValidateAsync(
        CliConsole console, IStixChecks checks, StixLimits limits, string? path, bool jsonl, CancellationToken ct)
    {
        var verb = new StixValidateVerb(checks, limits);
        if (path is null or "-")
        {
            return await verb.RunAsync(console.Input, console.Output, jsonl, ct);
        }

        FileStream input;
        try
        {
            input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            await console.Error.WriteLineAsync($"threatshare: cannot read '{path}': {reason}");
            return ExitCodes.Usage;
        }

        await using (input)
        {
            return await verb.RunAsync(input, console.Output, jsonl, ct);
        }
    }
}
