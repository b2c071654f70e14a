using System.CommandLine;
using System.Globalization;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;
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
        var o = new EstimateOptions();
        var command = new Command("estimate", "Check a model's options for a shot and estimate the cost.")
        {
            o.Scene, o.Shot, o.Model, o.Mode, o.Duration, o.Resolution, o.Audio, o.AcceptCap, o.Budget, o.Json,
        };
        command.SetAction((parse, ct) => RunAsync(parse, o, output, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, EstimateOptions o, Output output, CancellationToken ct)
    {
        var scene = (await SceneFiles.LoadAsync(parse.GetValue(o.Scene)!, ct)).Scene;
        var shot = SceneFiles.ResolveShot(scene, parse.GetValue(o.Shot));
        var model = ModelCatalog.Default.Get(parse.GetValue(o.Model)!);
        var mode = parse.GetValue(o.Mode) is { } m ? VisualizerModes.Parse(m)
            : model.Kind == ModelKind.Image ? VisualizerMode.Image
            : VisualizerModes.Default;
        var request = new VideoRequestOptions
        {
            Duration = parse.GetValue(o.Duration),
            Resolution = ResolutionTiers.Parse(parse.GetValue(o.Resolution)!),
            Audio = parse.GetValue(o.Audio),
            AcceptDurationCap = parse.GetValue(o.AcceptCap),
        };
        var options = OptionsResolver.Default.Resolve(mode, model, shot, request);
        var estimate = CostEstimator.Estimate(options);
        if (parse.GetValue(o.Budget) is { } cap)
        {
            new ProjectBudget(cap).EnsureAllows(estimate);
        }

        if (parse.GetValue(o.Json))
        {
            WriteJson(output, model, shot, options, estimate);
        }
        else
        {
            WriteTable(output, model, shot, options, estimate);
        }

        return ExitCodes.Success;
    }

    private static void WriteJson(Output output, ModelEntry model, Shot shot, ResolvedOptions options, CostEstimate estimate) =>
        CliJson.Write(output, new
        {
            model = model.Id,
            mode = options.Mode.Id(),
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

    private static void WriteTable(Output output, ModelEntry model, Shot shot, ResolvedOptions options, CostEstimate estimate)
    {
        var table = new Table().HideHeaders().AddColumns("", "");
        table.AddRow("model", Markup.Escape($"{model.DisplayName} ({model.Id})"));
        table.AddRow("mode", Markup.Escape(options.Mode.DisplayName()));
        table.AddRow("shot", Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"{shot.DisplayName} ({shot.Duration:0.##} s)")));
        if (options.Mode != VisualizerMode.Image)
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
    }

    /// <summary>The command's arguments and options, declared together and read by name in the action.</summary>
    private sealed class EstimateOptions
    {
        public Argument<string> Scene { get; } = CommonOptions.SceneArgument();

        public Option<string?> Shot { get; } = CommonOptions.Shot();

        public Option<string> Model { get; } = new("--model") { Description = "Model id (see 'previz models')", Required = true };

        public Option<string?> Mode { get; } = new Option<string?>("--mode") { Description = "Visualizer mode (default: start-frame, or image for image models)" }
            .AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);

        public Option<double?> Duration { get; } = new("--duration") { Description = "Clip length in seconds (default: the shortest that covers the shot)" };

        public Option<string> Resolution { get; } = CommonOptions.Resolution();

        public Option<bool> Audio { get; } = new("--audio") { Description = "Generate sound (audio-capable models only)" };

        public Option<bool> AcceptCap { get; } = new("--accept-cap") { Description = "Accept a clip shorter than a shot that exceeds the model's maximum" };

        public Option<decimal?> Budget { get; } = new("--budget") { Description = "Fail when the cost is over this many USD" };

        public Option<bool> Json { get; } = new("--json") { Description = "Print JSON" };
    }
}
