using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Previz.Cli.Commands;
using Previz.Cli.Console;
using Previz.Core;
using Spectre.Console;

namespace Previz.Cli;

/// <summary>The <c>previz</c> command line: builds the commands and turns every outcome into an exit code.</summary>
public static class PrevizApp
{
    public static RootCommand BuildRoot(Output output) => BuildRoot(output, null);

    /// <summary>The commands; <paramref name="configuration"/> (keys, vendor URLs) defaults to the environment.</summary>
    public static RootCommand BuildRoot(Output output, IConfiguration? configuration)
    {
        var root = new RootCommand("Previz: turn a 3D scene into video — Direct Render here, hosted AI video models later.");
        root.Subcommands.Add(RenderCommand.Create(output));
        root.Subcommands.Add(StillCommand.Create(output));
        root.Subcommands.Add(SceneCommands.Create(output));
        root.Subcommands.Add(ModelsCommand.Create(output));
        root.Subcommands.Add(PromptCommand.Create(output));
        root.Subcommands.Add(EstimateCommand.Create(output));
        root.Subcommands.Add(AdherenceCommand.Create(output));
        root.Subcommands.Add(SequenceCommands.Create(output));
        root.Subcommands.Add(StudioCommands.Serve(output));
        root.Subcommands.Add(StudioCommands.Worker(output));
        root.Subcommands.Add(GenerateCommand.Create(output, configuration ?? FromEnvironment()));
        return root;
    }

    public static Task<int> RunAsync(string[] args, Output output) => RunAsync(args, output, null);

    /// <summary>Keys and vendor URLs from environment variables (<c>FAL_KEY</c>, <c>Providers__Fal__QueueUrl</c>, …).</summary>
    public static IConfiguration FromEnvironment() => new ConfigurationBuilder().AddEnvironmentVariables().Build();

    public static async Task<int> RunAsync(string[] args, Output output, IConfiguration? configuration)
    {
        var root = BuildRoot(output, configuration);
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
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                EnableDefaultExceptionHandler = false,
                // After Ctrl+C, give 'generate' time to cancel the job at the vendor before the process ends.
                ProcessTerminationTimeout = TimeSpan.FromSeconds(20),
            });
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
