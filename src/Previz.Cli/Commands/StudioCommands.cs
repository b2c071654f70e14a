using System.CommandLine;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Hosting;
using Previz.Cli.Console;
using Previz.Core;
using Previz.Studio.Hosting;
using Previz.Studio.Security;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz serve</c> (web studio, API and workers) and <c>previz worker</c> (workers only).</summary>
public static class StudioCommands
{
    public static Command Serve(Output output)
    {
        var urls = new Option<string>("--urls")
        {
            Description = $"Where to listen (default {StudioHost.DefaultUrls}; any address beyond loopback needs PREVIZ_TOKEN).",
        };
        var samples = new Option<bool>("--load-samples")
        {
            Description = "Store the bundled sample scenes on start, once each (same as Studio__LoadSamples=true).",
        };
        var command = new Command("serve", "Run the studio: web, HTTP API and generation workers. Data in PREVIZ_DATA or ~/.local/share/previz.") { urls, samples };
        command.SetAction(async (parse, ct) =>
        {
            string[] settings = parse.GetValue(samples) ? ["--Studio:LoadSamples=true"] : [];
            await using var app = StudioHost.BuildServe(settings, parse.GetValue(urls));
            await app.StartAsync(ct);
            try
            {
                BindingGuard.CheckListening(app.Services);
            }
            catch (UserErrorException)
            {
                // Bound beyond loopback without a token (whichever setting asked for it): stop, then exit 2.
                await app.StopAsync(CancellationToken.None);
                throw;
            }

            output.Error.WriteLine($"Previz studio listening on {string.Join(", ", app.Urls)}");
            // The address to open, on stdout so scripts can read it.
            output.Out.WriteLine($"Studio: {app.Urls.First().TrimEnd('/')}/");
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command Worker(Output output)
    {
        var command = new Command("worker", "Run generation workers only, on the job store shared with 'previz serve' (PREVIZ_DATABASE for several machines).");
        command.SetAction(async (parse, ct) =>
        {
            using var host = StudioHost.BuildWorker([]);
            await host.StartAsync(ct);
            output.Error.WriteLine("Previz worker running.");
            await host.WaitForShutdownAsync(ct);
            return ExitCodes.Success;
        });
        return command;
    }
}
