using System.CommandLine;
using System.Globalization;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core;
using Previz.Core.Scenes;
using Previz.Import.Writing;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary><c>previz scene validate|info|export &lt;scene&gt;</c>.</summary>
public static class SceneCommands
{
    public static Command Create(Output output)
    {
        var scene = new Command("scene", "Check and describe scene files.");
        scene.Subcommands.Add(Validate(output));
        scene.Subcommands.Add(Info(output));
        scene.Subcommands.Add(Export(output));
        return scene;
    }

    private static Command Validate(Output output)
    {
        var path = CommonOptions.SceneArgument();
        var command = new Command("validate", "Check a scene and list every problem with its JSON path.") { path };
        command.SetAction(async (parse, ct) =>
        {
            var file = parse.GetValue(path)!;
            var result = await SceneFiles.LoadReportingWarningsAsync(file, output, ct);

            output.Out.MarkupLine($"[green]valid:[/] {Markup.Escape(file)} ({result.Scene.Objects.Count} objects, {result.Scene.Cameras.Count} cameras, {result.Scene.Shots.Count} shots)");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Info(Output output)
    {
        var path = CommonOptions.SceneArgument();
        var command = new Command("info", "List a scene's objects, cameras and shots with their durations.") { path };
        command.SetAction(async (parse, ct) =>
        {
            var result = await SceneFiles.LoadAsync(parse.GetValue(path)!, ct);
            Describe(result.Scene, output.Out);
            if (result.Gltf is { } gltf)
            {
                // What the glTF file held: every node, what it became, and each animation's time range.
                foreach (var line in Import.Scenes.SceneInfoText.DescribeGltf(gltf))
                {
                    output.Out.WriteLine(line);
                }
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Export(Output output)
    {
        var path = CommonOptions.SceneArgument();
        var outFile = CommonOptions.Out("Output GLB (default: out/<scene>.glb)");
        var command = new Command("export", "Write the scene with its cameras and animation as a GLB that Blender and Previz read.") { path, outFile };
        command.SetAction(async (parse, ct) =>
        {
            var scenePath = parse.GetValue(path)!;
            var target = parse.GetValue(outFile) ?? Path.Combine("out", SceneFiles.ShortName(scenePath) + ".glb");
            if (!target.EndsWith(".glb", StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException($"--out must name a .glb file (got \"{target}\").");
            }

            var loaded = await SceneFiles.LoadReportingWarningsAsync(scenePath, output, ct);
            var glb = SceneGlb.Write(loaded.Scene, SceneGlbContent.Full);
            var full = Path.GetFullPath(target);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllBytesAsync(full, glb, ct);
            output.Out.WriteLine(full);
            return ExitCodes.Success;
        });
        return command;
    }

    public static void Describe(SceneDocument scene, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]{Markup.Escape(scene.Name)}[/]");
        if (scene.Description is { } description)
        {
            console.MarkupLine(Markup.Escape(description));
        }

        var shots = new Table().Title("Shots").AddColumns("id", "name", "camera", "start", "duration", "fps", "frames", "aspect", "lens");
        foreach (var shot in scene.Shots)
        {
            var camera = scene.FindCamera(shot.CameraId);
            var lens = shot.FocalLengthMm ?? camera?.Lens.EquivalentFocalLengthMm((float)shot.Aspect.Value);
            shots.AddRow(
                Markup.Escape(shot.Id),
                Markup.Escape(shot.DisplayName),
                Markup.Escape(shot.CameraId),
                Seconds(shot.Start),
                Seconds(shot.Duration),
                shot.Fps.ToString("0.###", CultureInfo.InvariantCulture),
                shot.FrameCount.ToString(CultureInfo.InvariantCulture),
                shot.Aspect.ToString(),
                lens is { } mm ? $"{mm:0.#} mm" : "-");
        }

        var cameras = new Table().Title("Cameras").AddColumns("id", "name", "lens", "aim", "animated");
        foreach (var camera in scene.Cameras)
        {
            cameras.AddRow(
                Markup.Escape(camera.Id),
                Markup.Escape(camera.DisplayName),
                camera.Lens.VerticalFovDegrees is { } fov ? $"{fov:0.#}° vertical" : $"{camera.Lens.FocalLengthMm:0.#} mm",
                Markup.Escape(camera.AimTargetId ?? "-"),
                camera.Animation.IsAnimated ? "yes" : "no");
        }

        var objects = new Table().Title("Objects").AddColumns("id", "name", "kind", "role", "parent", "animated", "references");
        foreach (var obj in scene.Objects)
        {
            var range = obj.Animation.TimeRange();
            objects.AddRow(
                Markup.Escape(obj.Id),
                Markup.Escape(obj.DisplayName),
                obj.Shape.ToString().ToLowerInvariant(),
                obj.Hero ? "hero" : "prop",
                Markup.Escape(obj.ParentId ?? "-"),
                range is { } r ? $"{Seconds(r.Start)}–{Seconds(r.End)}" : "no",
                obj.References.Count.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(shots);
        console.Write(cameras);
        console.Write(objects);
    }

    private static string Seconds(double s) => s.ToString("0.###", CultureInfo.InvariantCulture) + " s";
}
