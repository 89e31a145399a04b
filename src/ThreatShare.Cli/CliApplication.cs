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

        return new RootCommand("ThreatShare command line: check STIX patterns and validate STIX 2.1 documents.")
        {
            new Command("pattern", "Work with STIX patterns.") { patternCheck },
            new Command("stix", "Work with STIX 2.1 documents.") { stixValidate },
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
