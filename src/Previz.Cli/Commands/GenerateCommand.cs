using Previz.Core.Prompting;
using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Providers.Configuration;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Providers.Inputs;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary>
/// <c>previz generate &lt;scene&gt; [--shot ID] --mode MODE --model ID [options] [--out FILE] [--dry-run]</c>: checks and
/// prices the generation, then (unless <c>--dry-run</c>) runs it — Direct Render here, a hosted model at its vendor —
/// with a live status line, downloads, checks and trims the result, and writes its provenance beside it
/// (<c>FILE.mp4.json</c>). Ctrl+C cancels at the vendor.
/// </summary>
public static class GenerateCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create(Output output, IConfiguration configuration)
    {
        var scenePath = CommonOptions.SceneArgument();
        var shotOption = CommonOptions.Shot();
        var modeOption = new Option<string?>("--mode") { Description = "Visualizer mode (default: start-frame, or image for image models)" }
            .AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);
        var modelOption = new Option<string>("--model") { Description = "Model id (see 'previz models'); direct-render renders here", Required = true };
        var durationOption = new Option<double?>("--duration") { Description = "Clip length in seconds (default: the shortest that covers the shot)" };
        var orientationOption = new Option<string?>("--orientation", "--aspect") { Description = "landscape, portrait, square, or a ratio such as 16:9 (default: the shot's)" };
        var audioOption = new Option<bool>("--audio") { Description = "Generate sound (audio-capable models only)" };
        var resolutionOption = CommonOptions.Resolution();
        var startOption = new Option<string?>("--start-frame") { Description = "capture (Direct Render of the shot's start), capture:SECONDS, or an image FILE" };
        var endOption = new Option<string?>("--end-frame") { Description = "capture (Direct Render of the shot's end), capture:SECONDS, or an image FILE" };
        var promptOption = new Option<string?>("--prompt-file") { Description = "Your prompt: replaces the Scene part; [Style] and [Lighting] sections replace those parts" };
        var seedOption = new Option<long?>("--seed") { Description = "Seed, where the model takes one" };
        var referencesOption = new Option<bool>("--references") { Description = "Use the model's reference endpoint (Veo 3.1, Seedance 2.0) to send object pictures instead of frames" };
        var noReferencesOption = new Option<bool>("--no-references") { Description = "Send no object reference pictures" };
        var capOption = new Option<bool>("--accept-cap") { Description = "Accept a clip shorter than a shot that exceeds the model's maximum" };
        var budgetOption = new Option<decimal?>("--budget") { Description = "Refuse when the cost is over this many USD" };
        var outOption = CommonOptions.Out("Output file (default: out/<scene>-<shot>-<model>.mp4, or .png in image mode)");
        var dryRunOption = new Option<bool>("--dry-run") { Description = "Check and price, print the exact vendor request (no key, uploads as placeholders), send nothing" };
        var command = new Command("generate", "Generate a video or still of a shot with a model (Direct Render or a hosted AI model).")
        {
            scenePath, shotOption, modeOption, modelOption, durationOption, orientationOption, audioOption, resolutionOption, startOption, endOption,
            promptOption, seedOption, referencesOption, noReferencesOption, capOption, budgetOption, outOption, dryRunOption,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(scenePath)!;
            var loaded = await SceneFiles.LoadReportingWarningsAsync(path, output, ct);

            var scene = loaded.Scene;
            var shot = SceneFiles.ResolveShot(scene, parse.GetValue(shotOption));
            var model = ModelCatalog.Default.Get(parse.GetValue(modelOption)!);
            var mode = parse.GetValue(modeOption) is { } m ? VisualizerModes.Parse(m) : model.Kind == ModelKind.Image ? VisualizerMode.Image : VisualizerModes.Default;
            var dryRun = parse.GetValue(dryRunOption);
            var prompt = PromptOverrides.None;
            if (parse.GetValue(promptOption) is { } promptFile)
            {
                prompt = File.Exists(promptFile)
                    ? PromptOverrides.Parse(await File.ReadAllTextAsync(promptFile, ct))
                    : throw new UserErrorException($"Prompt file not found: {promptFile}");
            }

            var spec = new GenerationSpec
            {
                Scene = scene,
                SceneFolder = Path.GetDirectoryName(Path.GetFullPath(path)),
                SceneContentHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, ct))),
                ShotId = shot.Id,
                Mode = mode,
                ModelId = model.Id,
                Options = new VideoRequestOptions
                {
                    Duration = parse.GetValue(durationOption),
                    Aspect = parse.GetValue(orientationOption),
                    Audio = parse.GetValue(audioOption),
                    Resolution = ResolutionTiers.Parse(parse.GetValue(resolutionOption)!),
                    AcceptDurationCap = parse.GetValue(capOption),
                },
                Prompt = prompt,
                Seed = parse.GetValue(seedOption),
                StartFrame = Frame(parse.GetValue(startOption), end: false),
                EndFrame = Frame(parse.GetValue(endOption), end: true),
                Budget = parse.GetValue(budgetOption) is { } cap ? new ProjectBudget(cap) : null,
                SendReferences = !parse.GetValue(noReferencesOption),
                UseReferenceEndpoint = parse.GetValue(referencesOption),
                RequireApiKey = !dryRun,
                IdempotencyKey = $"cli-{Guid.NewGuid():N}",
            };

            await using var services = new ServiceCollection().AddPrevizProviders(configuration).BuildServiceProvider();
            var plan = await services.GetRequiredService<GenerationPlanner>().PlanAsync(spec, ct);
            Summarize(output, plan);

            if (dryRun)
            {
                if (plan.Request is { } request && !services.GetRequiredService<ProviderKeys>().IsConfigured(request.Provider))
                {
                    output.Warn($"{ProviderKeys.VariableName(request.Provider)} is not set: a real run would stop here.");
                }

                var preview = new JsonObject
                {
                    ["provider"] = plan.Request is null ? "direct-render" : plan.Request.Provider.ToString().ToLowerInvariant(),
                    ["endpoint"] = plan.Request?.Endpoint,
                    ["body"] = plan.PreviewBody(),
                    ["estimate"] = JsonValue.Create(plan.Estimate.Total),
                    ["currency"] = plan.Estimate.Currency,
                };
                output.Out.Profile.Out.Writer.WriteLine(preview.ToJsonString(Indented));
                return ExitCodes.Success;
            }

            var extension = mode == VisualizerMode.Image ? ".png" : ".mp4";
            var target = parse.GetValue(outOption) ?? Path.Combine("out", $"{SceneFiles.ShortName(path)}-{shot.Id}-{model.Id}{extension}");
            if (!target.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                throw new UserErrorException($"--out must name a {extension} file in {mode.Id()} mode (got \"{target}\").");
            }

            var runner = services.GetRequiredService<GenerationRunner>();
            var result = await RunWithStatusAsync(output, (progress, token) => runner.RunAsync(plan, target, progress, WaitOptions(configuration), token), ct);
            output.Error.MarkupLine(Markup.Escape(result.Media.Kind == "video"
                ? string.Create(CultureInfo.InvariantCulture, $"Wrote {result.Media.Width}×{result.Media.Height}, {result.Media.DurationSeconds:0.###} s ({result.Media.Processing}).")
                : string.Create(CultureInfo.InvariantCulture, $"Wrote a {result.Media.Width}×{result.Media.Height} PNG.")));
            output.Error.MarkupLine(Markup.Escape($"Provenance: {result.ProvenanceFile}"));
            output.Out.WriteLine(result.Media.Path);
            return ExitCodes.Success;
        });
        return command;
    }

    private static FrameSource? Frame(string? text, bool end)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var source = FrameSource.Parse(text, end);
        // File paths on the command line are relative to where the command runs, not to the scene.
        return source is FileFrameSource file ? FrameSource.File(Path.GetFullPath(file.Path)) : source;
    }

    private static JobWaitOptions WaitOptions(IConfiguration configuration)
    {
        var options = new JobWaitOptions();
        if (TimeSpan.TryParse(configuration["Providers:Wait:PollInterval"], CultureInfo.InvariantCulture, out var poll) && poll > TimeSpan.Zero)
        {
            options = options with { PollInterval = poll };
        }

        if (TimeSpan.TryParse(configuration["Providers:Wait:MaxWait"], CultureInfo.InvariantCulture, out var max) && max > TimeSpan.Zero)
        {
            options = options with { MaxWait = max };
        }

        return options;
    }

    private static void Summarize(Output output, GenerationPlan plan)
    {
        var o = plan.Options;
        var e = output.Error;
        e.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{plan.Model.DisplayName} · {plan.Mode.DisplayName()} · shot {plan.Shot.DisplayName} ({plan.Shot.Duration:0.##} s)")));
        if (plan.Mode.IsVideo())
        {
            e.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  clip {o.ClipSeconds:0.##} s{(o.Trimmed ? $", trimmed to {o.OutputSeconds:0.##} s" : "")}, {o.VendorAspect?.Value ?? o.OutputAspect.ToString()}, {o.VendorResolution ?? "-"}, audio {(o.Audio ? "on" : "off")}")));
        }

        e.MarkupLine(Markup.Escape($"  cost {plan.Estimate.TotalText} ({string.Join("; ", plan.Estimate.Breakdown.Take(2))})"));
        if (plan.VendorEndpoint is { } endpoint)
        {
            e.MarkupLine(Markup.Escape($"  endpoint {endpoint}"));
        }

        foreach (var input in plan.Inputs)
        {
            e.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  {input.Role}{(input.FrameIndex is { } i ? $" @ frame {i}" : "")}: {input.Source} → {input.Width}×{input.Height} ({input.Fitting})")));
        }

        foreach (var r in plan.References)
        {
            e.MarkupLine(Markup.Escape(r.Sent
                ? $"  reference sent: {r.ObjectName}{(r.Hero ? " (hero)" : "")} {r.Path}"
                : $"  reference dropped: {r.ObjectName} {r.Path}: {r.Reason}"));
        }

        foreach (var line in plan.Prompt.Dropped)
        {
            output.Warn($"dropped from the prompt to fit {plan.Model.DisplayName}'s limit: {line}");
        }

        foreach (var note in plan.Notes)
        {
            e.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");
        }
    }

    /// <summary>A live status line (stage, queue position, vendor log, elapsed): redrawn on a terminal, one line per change otherwise.</summary>
    private static async Task<GenerationResult> RunWithStatusAsync(Output output, Func<IProgress<GenerationProgress>, CancellationToken, Task<GenerationResult>> run, CancellationToken ct)
    {
        if (!output.Error.Profile.Capabilities.Interactive)
        {
            string? last = null;
            var gate = new object();
            var progress = new SynchronousProgress<GenerationProgress>(p =>
            {
                var line = Line(p, withElapsed: false);
                lock (gate)
                {
                    if (line != last)
                    {
                        last = line;
                        output.Error.WriteLine(Line(p, withElapsed: true));
                    }
                }
            });
            return await run(progress, ct);
        }

        GenerationResult? result = null;
        await output.Error.Status().StartAsync("submitting", async context =>
        {
            var progress = new SynchronousProgress<GenerationProgress>(p => context.Status(Markup.Escape(Line(p, withElapsed: true))));
            result = await run(progress, ct);
        });
        return result!;
    }

    private static string Line(GenerationProgress p, bool withElapsed)
    {
        var parts = new List<string> { p.Stage };
        if (p.QueuePosition is { } position)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"position {position} in the queue"));
        }

        if (p.Progress is { } fraction && p.Stage != "done")
        {
            // Logs and pipes get a line per tenth; a terminal redraws every percent.
            var percent = withElapsed ? fraction * 100 : Math.Floor(fraction * 10) * 10;
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{percent:0}%"));
        }

        if (p.LastLog is { } log)
        {
            parts.Add(log.Length > 80 ? log[..80] + "…" : log);
        }

        if (withElapsed)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{p.Elapsed.TotalSeconds:0}s"));
        }

        return "  " + string.Join(" · ", parts);
    }
}
