using ThreatShare.Cli;

// Everything lives in CliApplication so that tests can run the same code against in-memory streams.
return await CliApplication.RunAsync(args, CliConsole.FromProcess(), CancellationToken.None);
