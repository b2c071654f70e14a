using System.CommandLine;
using Previz.Cli.Commands;
using Previz.Cli.Console;
using Previz.Core;
using Spectre.Console;

namespace Previz.Cli;

/// <summary>The <c>previz</c> command line: builds the commands and turns every outcome into an exit code.</summary>
public static class PrevizApp
{
    public static RootCommand BuildRoot(Output output)
    {
        var root = new RootCommand("Previz: turn a 3D scene into video — Direct Render here, hosted AI video models later.");
        root.Subcommands.Add(RenderCommand.Create(output));
        root.Subcommands.Add(StillCommand.Create(output));
        root.Subcommands.Add(SceneCommands.Create(output));
        root.Subcommands.Add(ModelsCommand.Create(output));
        root.Subcommands.Add(PromptCommand.Create(output));
        root.Subcommands.Add(EstimateCommand.Create(output));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, Output output)
    {
        var root = BuildRoot(output);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                output.Fail(error.Message);
            }

            output.Error.WriteLine("Run 'previz --help' for usage.");
            return ExitCodes.UserError;
        }

        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (OperationCanceledException)
        {
            output.Fail("canceled");
            return ExitCodes.Canceled;
        }
        catch (UserErrorException ex)
        {
            output.Fail(ex.Message);
            return ExitCodes.UserError;
        }
        catch (Exception ex)
        {
            // A bug: say so plainly and give the details needed to fix it.
            output.Fail($"Previz hit an internal error (a bug; please report it): {ex.GetType().Name}: {ex.Message}");
            output.Error.WriteLine(ex.ToString());
            return ExitCodes.Bug;
        }
    }
}
