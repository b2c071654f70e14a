using Previz.Cli;
using Previz.Cli.Console;
using Spectre.Console;

namespace Previz.Cli.Tests;

/// <summary>Runs the previz command line in-process and captures what it prints.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static Task<CliRun> Of(params string[] args) => With(null, args);

    /// <summary>Runs with <paramref name="configuration"/> in place of the environment (keys, vendor URLs).</summary>
    public static async Task<CliRun> With(Microsoft.Extensions.Configuration.IConfiguration? configuration, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var output = new Output(Console(stdout), Console(stderr));
        var code = await PrevizApp.RunAsync(args, output, configuration);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }

    private static IAnsiConsole Console(TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        // Wide enough that tables keep each cell on one line.
        console.Profile.Width = 250;
        return console;
    }
}
