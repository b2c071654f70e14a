using Previz.Cli;
using Previz.Cli.Console;

return await PrevizApp.RunAsync(args, Output.ForProcess());
