using System.CommandLine;
using System.Globalization;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz render</c>: Direct Render of one shot to an H.264 MP4.</summary>
public static class RenderCommand
{
    public static Command Create(Output output)
    {
        var scene = CommonOptions.SceneArgument();
        var shot = CommonOptions.Shot();
        var camera = CommonOptions.Camera();
        var pass = CommonOptions.Pass();
        var resolution = CommonOptions.Resolution();
        var outFile = CommonOptions.Out("Output MP4 (default: out/<scene>-<shot>.mp4)");
        var command = new Command("render", "Render a shot to MP4 with Direct Render (no AI, no network).")
        {
            scene, shot, camera, pass, resolution, outFile,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scenePath = parse.GetValue(scene)!;
            var loaded = await SceneFiles.LoadReportingWarningsAsync(scenePath, output, ct);

            var chosen = SceneFiles.ResolveShot(loaded.Scene, parse.GetValue(shot), parse.GetValue(camera));
            var renderPass = Choices.Pass(parse.GetValue(pass));
            var preset = Choices.Resolution(parse.GetValue(resolution));
            var target = parse.GetValue(outFile) ?? Path.Combine("out", $"{SceneFiles.ShortName(scenePath)}-{chosen.Id}.mp4");
            if (!target.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException($"--out must name an .mp4 file (got \"{target}\").");
            }

            var size = FrameSize.For(chosen.Aspect, preset);
            var frames = chosen.FrameCount;
            output.Error.MarkupLine(string.Create(CultureInfo.InvariantCulture,
                $"Rendering [bold]{Markup.Escape(chosen.DisplayName)}[/] ({frames} frames, {chosen.Duration:0.###} s at {chosen.Fps:0.###} fps, {size.Width}×{size.Height}, {renderPass.ToName()})"));

            var started = DateTime.UtcNow;
            await RenderWithProgressAsync(output, frames, (progress, token) =>
                DirectRenderer.RenderToMp4Async(loaded.Scene, chosen, renderPass, preset, target, progress, token), ct);
            var seconds = (DateTime.UtcNow - started).TotalSeconds;
            output.Error.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Done in {seconds:0.0} s ({frames / Math.Max(seconds, 1e-3):0.0} frames/s)."));
            output.Out.WriteLine(Path.GetFullPath(target));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Runs a render with a Spectre progress bar (frames, frames/s, ETA) when stderr is a terminal.</summary>
    private static async Task RenderWithProgressAsync(Output output, int totalFrames, Func<IProgress<RenderProgress>, CancellationToken, Task> render, CancellationToken ct)
    {
        if (!output.Error.Profile.Capabilities.Interactive)
        {
            // Logs and pipes get one line per tenth instead of redraws.
            var lastTenth = -1;
            var progress = new InlineProgress<RenderProgress>(p =>
            {
                var tenth = p.FramesDone * 10 / Math.Max(1, p.TotalFrames);
                if (tenth != lastTenth)
                {
                    lastTenth = tenth;
                    output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {p.FramesDone}/{p.TotalFrames} frames, {p.FramesPerSecond:0.0} frames/s"));
                }
            });
            await render(progress, ct);
            return;
        }

        await output.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new FramesPerSecondColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("frames", maxValue: totalFrames);
                var progress = new InlineProgress<RenderProgress>(p =>
                {
                    task.Value = p.FramesDone;
                    task.Description = $"frames {p.FramesDone}/{p.TotalFrames}";
                });
                await render(progress, ct);
                task.Value = totalFrames;
            });
    }
}
