using Cartesia.Cli;

return await CliApp.RunAsync(args, CliContext.FromConsole());
