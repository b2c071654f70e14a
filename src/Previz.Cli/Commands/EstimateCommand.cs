using System.CommandLine;
using System.Globalization;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary>
/// <c>previz estimate &lt;scene&gt; [--shot ID] --model ID [--duration S] [--resolution 1k|2k] [--audio] [--json]</c>:
/// the options a generation would run with and what it would cost.
/// </summary>
public static class EstimateCommand
{
    public static Command Create(Output output)
    {
        var scenePath = CommonOptions.SceneArgument();
        var shotOption = CommonOptions.Shot();
        var modelOption = new Option<string>("--model") { Description = "Model id (see 'previz models')", Required = true };
        var modeOption = new Option<string?>("--mode") { Description = "Visualizer mode (default: start-frame, or image for image models)" }
            .AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);
        var durationOption = new Option<double?>("--duration") { Description = "Clip length in seconds (default: the shortest that covers the shot)" };
        var resolutionOption = CommonOptions.Resolution();
        var audioOption = new Option<bool>("--audio") { Description = "Generate sound (audio-capable models only)" };
        var capOption = new Option<bool>("--accept-cap") { Description = "Accept a clip shorter than a shot that exceeds the model's maximum" };
        var budgetOption = new Option<decimal?>("--budget") { Description = "Fail when the cost is over this many USD" };
        var json = new Option<bool>("--json") { Description = "Print JSON" };
        var command = new Command("estimate", "Check a model's options for a shot and estimate the cost.")
        {
            scenePath, shotOption, modelOption, modeOption, durationOption, resolutionOption, audioOption, capOption, budgetOption, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            var scene = (await SceneFiles.LoadAsync(parse.GetValue(scenePath)!, ct)).Scene;
            var shot = SceneFiles.ResolveShot(scene, parse.GetValue(shotOption));
            var model = ModelCatalog.Default.Get(parse.GetValue(modelOption)!);
            var mode = parse.GetValue(modeOption) is { } m ? VisualizerModes.Parse(m)
                : model.Kind == ModelKind.Image ? VisualizerMode.Image
                : VisualizerModes.Default;
            var request = new VideoRequestOptions
            {
                Duration = parse.GetValue(durationOption),
                Resolution = ResolutionTiers.Parse(parse.GetValue(resolutionOption)!),
                Audio = parse.GetValue(audioOption),
                AcceptDurationCap = parse.GetValue(capOption),
            };
            var options = OptionsResolver.Default.Resolve(mode, model, shot, request);
            var estimate = CostEstimator.Estimate(options);
            if (parse.GetValue(budgetOption) is { } cap)
            {
                new ProjectBudget(cap).EnsureAllows(estimate);
            }

            if (parse.GetValue(json))
            {
                CliJson.Write(output, new
                {
                    model = model.Id,
                    mode = mode.Id(),
                    shot = shot.Id,
                    shotSeconds = shot.Duration,
                    clipSeconds = options.ClipSeconds,
                    outputSeconds = options.OutputSeconds,
                    trimmed = options.Trimmed,
                    aspect = options.VendorAspect?.Value ?? options.OutputAspect.ToString(),
                    resolution = options.Resolution == ResolutionTier.Preview1K ? "1k" : "2k",
                    vendorResolution = options.VendorResolution,
                    audio = options.Audio,
                    billing = estimate.Rule,
                    units = estimate.Units,
                    unit = estimate.UnitName,
                    unitPrice = estimate.UnitPrice,
                    total = estimate.Total,
                    currency = estimate.Currency,
                    breakdown = estimate.Breakdown,
                    notes = options.Notes,
                });
                return ExitCodes.Success;
            }

            var table = new Table().HideHeaders().AddColumns("", "");
            table.AddRow("model", Markup.Escape($"{model.DisplayName} ({model.Id})"));
            table.AddRow("mode", Markup.Escape(mode.DisplayName()));
            table.AddRow("shot", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{shot.DisplayName} ({shot.Duration:0.##} s)")));
            if (mode != VisualizerMode.Image)
            {
                table.AddRow("clip", Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"{options.ClipSeconds:0.##} s{(options.Trimmed ? $", trimmed to {options.OutputSeconds:0.##} s" : "")}")));
            }

            table.AddRow("aspect", Markup.Escape(options.VendorAspect?.Value ?? options.OutputAspect.ToString()));
            table.AddRow("resolution", Markup.Escape(options.VendorResolution ?? "-"));
            table.AddRow("audio", options.Audio ? "on" : "off");
            foreach (var line in estimate.Breakdown)
            {
                table.AddRow("", Markup.Escape(line));
            }

            table.AddRow("[bold]total[/]", $"[bold]{Markup.Escape(estimate.TotalText)}[/]");
            output.Out.Write(table);
            foreach (var note in options.Notes)
            {
                output.Out.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
