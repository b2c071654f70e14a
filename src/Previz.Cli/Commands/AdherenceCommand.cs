using System.CommandLine;
using System.Globalization;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Rendering.Adherence;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz adherence</c>: how closely a clip made of a shot follows the shot's authored camera motion.</summary>
public static class AdherenceCommand
{
    public static Command Create(Output output)
    {
        var scene = CommonOptions.SceneArgument();
        var clip = new Argument<string>("clip")
        {
            Description = "The clip made of the shot (any video ffmpeg reads; another size or frame rate is resampled)",
        };
        var shot = CommonOptions.Shot();
        var json = new Option<bool>("--json")
        {
            Description = "Print the measurement as JSON",
        };
        var command = new Command("adherence", "Score how closely a clip's camera motion follows the shot's authored motion (0 to 1).")
        {
            scene, clip, shot, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var loaded = await SceneFiles.LoadReportingWarningsAsync(parse.GetValue(scene)!, output, ct);
            var chosen = SceneFiles.ResolveShot(loaded.Scene, parse.GetValue(shot));
            var adherence = await AdherenceMeter.MeasureAsync(loaded.Scene, chosen, parse.GetValue(clip)!, cancellationToken: ct);
            if (parse.GetValue(json))
            {
                CliJson.Write(output, adherence);
                return ExitCodes.Success;
            }

            var writer = output.Out.Profile.Out.Writer;
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"score={adherence.Score:0.###}"));
            writer.WriteLine(adherence.Sentence);
            writer.WriteLine("per second: " + string.Join(' ', adherence.PerSecond.Select((s, i) =>
                string.Create(CultureInfo.InvariantCulture, $"{i}s={(s is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-")}"))));
            output.Error.MarkupLine(Markup.Escape(adherence.Method));
            return ExitCodes.Success;
        });
        return command;
    }
}
