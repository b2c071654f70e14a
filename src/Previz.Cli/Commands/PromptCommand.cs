using System.CommandLine;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Core.Scenes;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz prompt &lt;scene&gt; [--shot ID] [--mode MODE] [--model ID] [--json]</c>: the auto-prompt for a shot.</summary>
public static class PromptCommand
{
    public static Command Create(Output output)
    {
        var o = new PromptOptions();
        var command = new Command("prompt", "Write the auto-prompt (Scene, Style, Lighting) for a shot.") { o.Scene, o.Shot, o.Mode, o.Model, o.Json };
        command.SetAction((parse, ct) => RunAsync(parse, o, output, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, PromptOptions o, Output output, CancellationToken ct)
    {
        var scene = (await SceneFiles.LoadAsync(parse.GetValue(o.Scene)!, ct)).Scene;
        var shot = SceneFiles.ResolveShot(scene, parse.GetValue(o.Shot));
        var mode = VisualizerModes.Parse(parse.GetValue(o.Mode)!);
        var model = FittingModel(parse.GetValue(o.Model), mode, shot);
        var motion = MotionAnalyzer.Analyze(scene, shot);
        var context = new PromptContext { Scene = scene, Shot = shot, Mode = mode, Motion = motion };
        var draft = PromptDraft.Generate(context);
        var composed = draft.Compose(model?.MaxPromptLength, audioOn: false, RestyleInstruction.For(model, mode));
        if (parse.GetValue(o.Json))
        {
            WriteJson(output, context, motion, model, draft, composed);
        }
        else
        {
            WriteText(output, model, composed);
        }

        return ExitCodes.Success;
    }

    /// <summary>The model named by <c>--model</c>, refused if it cannot do the mode (naming the models that can); null when none is named.</summary>
    private static ModelEntry? FittingModel(string? id, VisualizerMode mode, Shot shot)
    {
        if (id is null)
        {
            return null;
        }

        var model = ModelCatalog.Default.Get(id);
        OptionsResolver.Default.Offer(mode, model, shot);
        return model;
    }

    private static void WriteJson(Output output, PromptContext context, ShotMotion motion, ModelEntry? model, PromptDraft draft, ComposedPrompt composed) =>
        CliJson.Write(output, new
        {
            scene = context.Scene.Name,
            shot = context.Shot.Id,
            mode = context.Mode.Id(),
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

    /// <summary>The prompt alone on standard output, so it pipes; the length and what was cut go to standard error.</summary>
    private static void WriteText(Output output, ModelEntry? model, ComposedPrompt composed)
    {
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
    }

    public static Option<string> ModeOption() => new Option<string>("--mode")
    {
        Description = "Visualizer mode",
        DefaultValueFactory = _ => VisualizerModes.Default.Id(),
    }.AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);

    /// <summary>The command's arguments and options, declared together and read by name in the action.</summary>
    private sealed class PromptOptions
    {
        public Argument<string> Scene { get; } = CommonOptions.SceneArgument();

        public Option<string?> Shot { get; } = CommonOptions.Shot();

        public Option<string> Mode { get; } = ModeOption();

        public Option<string?> Model { get; } = new("--model") { Description = "Fit the prompt to this model's length limit (see 'previz models')" };

        public Option<bool> Json { get; } = new("--json") { Description = "Print JSON with the parts, the motion analysis and camera parameters" };
    }
}
