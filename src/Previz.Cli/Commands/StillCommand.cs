using System.CommandLine;
using System.Globalization;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core;
using Previz.Rendering;
using Previz.Rendering.Rasterizing;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz still</c>: one frame of a shot as PNG.</summary>
public static class StillCommand
{
    public static Command Create(Output output)
    {
        var scene = CommonOptions.SceneArgument();
        var shot = CommonOptions.Shot();
        var camera = CommonOptions.Camera();
        var time = new Option<double>("--time", "-t")
        {
            Description = "Seconds from the shot's start (default 0)",
        };
        var pass = CommonOptions.Pass();
        var resolution = CommonOptions.Resolution();
        var outFile = CommonOptions.Out("Output PNG (default: out/<scene>-<shot>-<time>s.png)");
        var command = new Command("still", "Render one frame of a shot to PNG.") { scene, shot, camera, time, pass, resolution, outFile };
        command.SetAction(async (parse, ct) =>
        {
            var scenePath = parse.GetValue(scene)!;
            var loaded = await SceneFiles.LoadReportingWarningsAsync(scenePath, output, ct);

            var chosen = SceneFiles.ResolveShot(loaded.Scene, parse.GetValue(shot), parse.GetValue(camera));
            var at = parse.GetValue(time);
            if (!double.IsFinite(at) || at < 0 || at > chosen.Duration)
            {
                throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                    $"--time {at} is outside the shot \"{chosen.Id}\", which lasts {chosen.Duration:0.###} s (use 0 to {chosen.Duration:0.###})."));
            }

            var renderPass = Choices.Pass(parse.GetValue(pass));
            var preset = Choices.Resolution(parse.GetValue(resolution));
            var target = parse.GetValue(outFile)
                ?? Path.Combine("out", string.Create(CultureInfo.InvariantCulture, $"{SceneFiles.ShortName(scenePath)}-{chosen.Id}-{at:0.###}s.png"));
            if (!target.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException($"--out must name a .png file (got \"{target}\").");
            }

            await DirectRenderer.RenderStillAsync(loaded.Scene, chosen, at, renderPass, preset, target, cancellationToken: ct);
            output.Out.WriteLine(Path.GetFullPath(target));
            return ExitCodes.Success;
        });
        return command;
    }
}
