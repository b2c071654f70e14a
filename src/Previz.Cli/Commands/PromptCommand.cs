using System.CommandLine;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz prompt &lt;scene&gt; [--shot ID] [--mode MODE] [--model ID] [--json]</c>: the auto-prompt for a shot.</summary>
public static class PromptCommand
{
    public static Command Create(Output output)
    {
        var scenePath = CommonOptions.SceneArgument();
        var shotOption = CommonOptions.Shot();
        var modeOption = ModeOption();
        var modelOption = new Option<string?>("--model") { Description = "Fit the prompt to this model's length limit (see 'previz models')" };
        var json = new Option<bool>("--json") { Description = "Print JSON with the parts, the motion analysis and camera parameters" };
        var command = new Command("prompt", "Write the auto-prompt (Scene, Style, Lighting) for a shot.") { scenePath, shotOption, modeOption, modelOption, json };
        command.SetAction(async (parse, ct) =>
        {
            var scene = (await SceneFiles.LoadAsync(parse.GetValue(scenePath)!, ct)).Scene;
            var shot = SceneFiles.ResolveShot(scene, parse.GetValue(shotOption));
            var mode = VisualizerModes.Parse(parse.GetValue(modeOption)!);
            ModelEntry? model = null;
            if (parse.GetValue(modelOption) is { } id)
            {
                model = ModelCatalog.Default.Get(id);
                // Refuses a model that cannot do the mode, naming the models that can.
                OptionsResolver.Default.Offer(mode, model, shot);
            }

            var motion = MotionAnalyzer.Analyze(scene, shot);
            var context = new PromptContext { Scene = scene, Shot = shot, Mode = mode, Motion = motion };
            var draft = PromptDraft.Generate(context);
            var composed = draft.Compose(model?.MaxPromptLength, audioOn: false);

            if (parse.GetValue(json))
            {
                CliJson.Write(output, new
                {
                    scene = scene.Name,
                    shot = shot.Id,
                    mode = mode.Id(),
                    model = model?.Id,
                    maxLength = composed.MaxLength,
                    length = composed.Length,
                    prompt = composed.Text,
                    parts = new { scene = draft.Scene.Text, style = draft.Style.Text, lighting = draft.Lighting.Text },
                    dropped = composed.Dropped,
                    truncated = composed.Truncated,
                    motion = new
                    {
                        camera = motion.Camera.Describe(),
                        lockedOff = motion.Camera.IsLockedOff,
                        moves = motion.Camera.Moves.Select(m => new { move = m.Move, amount = Math.Round(m.Amount, 2), direction = m.Direction }).ToList(),
                        subjects = motion.Subjects.Select(s => new
                        {
                            id = s.Subject.Id,
                            description = s.Describe(),
                            pathMetres = Math.Round(s.PathMetres, 2),
                            direction = s.ScreenDirection,
                            turnDegrees = Math.Round(s.TurnDegrees, 1),
                        }).ToList(),
                    },
                    cameraParameters = new
                    {
                        klingCameraControl = KlingCameraControl.From(motion.Camera),
                        lumaConcepts = LumaCameraConcepts.From(motion.Camera),
                    },
                });
                return ExitCodes.Success;
            }

            output.Out.Profile.Out.Writer.WriteLine(composed.Text);
            if (model?.MaxPromptLength is { } max)
            {
                output.Error.MarkupLine(Markup.Escape($"{composed.Length} of {max} characters allowed by {model.DisplayName}"));
            }

            foreach (var line in composed.Dropped)
            {
                output.Warn($"dropped to fit the length limit: {line}");
            }

            if (composed.Truncated)
            {
                output.Warn("the prompt was cut at the length limit");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Option<string> ModeOption() => new Option<string>("--mode")
    {
        Description = "Visualizer mode",
        DefaultValueFactory = _ => VisualizerModes.Default.Id(),
    }.AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);
}
