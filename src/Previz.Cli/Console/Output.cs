using Spectre.Console;

namespace Previz.Cli.Console;

/// <summary>Where the CLI writes: results to stdout, messages and progress to stderr (so stdout can be piped).</summary>
public sealed class Output(IAnsiConsole stdout, IAnsiConsole stderr)
{
    public IAnsiConsole Out { get; } = stdout;

    public IAnsiConsole Error { get; } = stderr;

    public static Output ForProcess() => new(
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Out) }),
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error) }));

    public void Warn(string message) => Error.MarkupLine($"[yellow]warning:[/] {Markup.Escape(message)}");

    public void Fail(string message) => Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
}
