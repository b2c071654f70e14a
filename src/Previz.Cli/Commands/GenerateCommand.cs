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
using Previz.Core.Prompting;
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
        var o = new GenerateOptions();
        var command = new Command("generate", "Generate a video or still of a shot with a model (Direct Render or a hosted AI model).")
        {
            o.Scene, o.Shot, o.Mode, o.Model, o.Duration, o.Orientation, o.Audio, o.Resolution, o.StartFrame, o.EndFrame,
            o.PromptFile, o.Seed, o.References, o.NoReferences, o.AcceptCap, o.Budget, o.Out, o.DryRun,
        };
        command.SetAction((parse, ct) => RunAsync(parse, o, output, configuration, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, GenerateOptions o, Output output, IConfiguration configuration, CancellationToken ct)
    {
        var spec = await SpecAsync(parse, o, output, ct);
        await using var services = new ServiceCollection().AddPrevizProviders(configuration).BuildServiceProvider();
        var plan = await services.GetRequiredService<GenerationPlanner>().PlanAsync(spec, ct);
        Summarize(output, plan);

        if (parse.GetValue(o.DryRun))
        {
            PrintDryRun(output, services.GetRequiredService<ProviderKeys>(), plan);
            return ExitCodes.Success;
        }

        var target = Target(parse.GetValue(o.Out), parse.GetValue(o.Scene)!, spec);
        var runner = services.GetRequiredService<GenerationRunner>();
        var result = await RunWithStatusAsync(output, (progress, token) => runner.RunAsync(plan, target, progress, WaitOptions(configuration), token), ct);
        output.Error.MarkupLine(Markup.Escape(result.Media.Kind == "video"
            ? string.Create(CultureInfo.InvariantCulture, $"Wrote {result.Media.Width}×{result.Media.Height}, {result.Media.DurationSeconds:0.###} s ({result.Media.Processing}).")
            : string.Create(CultureInfo.InvariantCulture, $"Wrote a {result.Media.Width}×{result.Media.Height} PNG.")));
        output.Error.MarkupLine(Markup.Escape($"Provenance: {result.ProvenanceFile}"));
        output.Out.WriteLine(result.Media.Path);
        return ExitCodes.Success;
    }

    /// <summary>What the command line asks for; a dry run needs no key, since it sends nothing.</summary>
    private static async Task<GenerationSpec> SpecAsync(ParseResult parse, GenerateOptions o, Output output, CancellationToken ct)
    {
        var path = parse.GetValue(o.Scene)!;
        var loaded = await SceneFiles.LoadReportingWarningsAsync(path, output, ct);

        var scene = loaded.Scene;
        var shot = SceneFiles.ResolveShot(scene, parse.GetValue(o.Shot));
        var model = ModelCatalog.Default.Get(parse.GetValue(o.Model)!);
        var mode = parse.GetValue(o.Mode) is { } m ? VisualizerModes.Parse(m) : model.Kind == ModelKind.Image ? VisualizerMode.Image : VisualizerModes.Default;
        var prompt = PromptOverrides.None;
        if (parse.GetValue(o.PromptFile) is { } promptFile)
        {
            prompt = File.Exists(promptFile)
                ? PromptOverrides.Parse(await File.ReadAllTextAsync(promptFile, ct))
                : throw new UserErrorException($"Prompt file not found: {promptFile}");
        }

        return new GenerationSpec
        {
            Scene = scene,
            SceneFolder = Path.GetDirectoryName(Path.GetFullPath(path)),
            SceneContentHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(path, ct))),
            ShotId = shot.Id,
            Mode = mode,
            ModelId = model.Id,
            Options = new VideoRequestOptions
            {
                Duration = parse.GetValue(o.Duration),
                Aspect = parse.GetValue(o.Orientation),
                Audio = parse.GetValue(o.Audio),
                Resolution = ResolutionTiers.Parse(parse.GetValue(o.Resolution)!),
                AcceptDurationCap = parse.GetValue(o.AcceptCap),
            },
            Prompt = prompt,
            Seed = parse.GetValue(o.Seed),
            StartFrame = Frame(parse.GetValue(o.StartFrame), end: false),
            EndFrame = Frame(parse.GetValue(o.EndFrame), end: true),
            Budget = parse.GetValue(o.Budget) is { } cap ? new ProjectBudget(cap) : null,
            SendReferences = !parse.GetValue(o.NoReferences),
            UseReferenceEndpoint = parse.GetValue(o.References),
            RequireApiKey = !parse.GetValue(o.DryRun),
            IdempotencyKey = $"cli-{Guid.NewGuid():N}",
        };
    }

    /// <summary>The exact request a real run would send, with a warning where that run would stop for a missing key.</summary>
    private static void PrintDryRun(Output output, ProviderKeys keys, GenerationPlan plan)
    {
        if (plan.Request is { } request && !keys.IsConfigured(request.Provider))
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
    }

    /// <summary>The output file: <paramref name="requested"/>, or one named after the scene, shot and model; its extension must match the mode.</summary>
    private static string Target(string? requested, string scenePath, GenerationSpec spec)
    {
        var extension = spec.Mode == VisualizerMode.Image ? ".png" : ".mp4";
        var target = requested ?? Path.Combine("out", $"{SceneFiles.ShortName(scenePath)}-{spec.ShotId}-{spec.ModelId}{extension}");
        if (!target.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
        {
            throw new UserErrorException($"--out must name a {extension} file in {spec.Mode.Id()} mode (got \"{target}\").");
        }

        return target;
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

        if (plan.Guide is { } guide)
        {
            e.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"  guide video: {guide.Source} → {guide.Width}×{guide.Height}, {guide.Frames} frames at {guide.Fps} fps ({guide.Bytes} bytes, {guide.Field})")));
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
            var progress = new InlineProgress<GenerationProgress>(p =>
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
            var progress = new InlineProgress<GenerationProgress>(p => context.Status(Markup.Escape(Line(p, withElapsed: true))));
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

    /// <summary>The command's arguments and options, declared together and read by name in the action.</summary>
    private sealed class GenerateOptions
    {
        public Argument<string> Scene { get; } = CommonOptions.SceneArgument();

        public Option<string?> Shot { get; } = CommonOptions.Shot();

        public Option<string?> Mode { get; } = new Option<string?>("--mode") { Description = "Visualizer mode (default: start-frame, or image for image models)" }
            .AcceptOnlyFromAmong([.. VisualizerModes.All.Select(m => m.Id())]);

        public Option<string> Model { get; } = new("--model") { Description = "Model id (see 'previz models'); direct-render renders here", Required = true };

        public Option<double?> Duration { get; } = new("--duration") { Description = "Clip length in seconds (default: the shortest that covers the shot)" };

        public Option<string?> Orientation { get; } = new("--orientation", "--aspect") { Description = "landscape, portrait, square, or a ratio such as 16:9 (default: the shot's)" };

        public Option<bool> Audio { get; } = new("--audio") { Description = "Generate sound (audio-capable models only)" };

        public Option<string> Resolution { get; } = CommonOptions.Resolution();

        public Option<string?> StartFrame { get; } = new("--start-frame") { Description = "capture (Direct Render of the shot's start), capture:SECONDS, or an image FILE" };

        public Option<string?> EndFrame { get; } = new("--end-frame") { Description = "capture (Direct Render of the shot's end), capture:SECONDS, or an image FILE" };

        public Option<string?> PromptFile { get; } = new("--prompt-file") { Description = "Your prompt: replaces the Scene part; [Style] and [Lighting] sections replace those parts" };

        public Option<long?> Seed { get; } = new("--seed") { Description = "Seed, where the model takes one" };

        public Option<bool> References { get; } = new("--references") { Description = $"Use the model's reference endpoint ({ReferenceEndpointModels()}) to send object pictures instead of frames" };

        public Option<bool> NoReferences { get; } = new("--no-references") { Description = "Send no object reference pictures" };

        public Option<bool> AcceptCap { get; } = new("--accept-cap") { Description = "Accept a clip shorter than a shot that exceeds the model's maximum" };

        public Option<decimal?> Budget { get; } = new("--budget") { Description = "Refuse when the cost is over this many USD" };

        public Option<string?> Out { get; } = CommonOptions.Out("Output file (default: out/<scene>-<shot>-<model>.mp4, or .png in image mode)");

        public Option<bool> DryRun { get; } = new("--dry-run") { Description = "Check and price, print the exact vendor request (no key, uploads as placeholders), send nothing" };

        /// <summary>The catalog's models with a separate reference endpoint, by name.</summary>
        private static string ReferenceEndpointModels() =>
            string.Join(", ", ModelCatalog.Default.Models.Where(m => m.IsAvailable && m.Inputs.ReferenceImages?.Endpoint is not null).Select(m => m.DisplayName));
    }
}
