using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Previz.Cli.Console;
using Previz.Cli.Scenes;
using Previz.Core;
using Previz.Core.Scenes;
using Previz.Core.Sequences;
using Previz.Rendering;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Rendering.Sequences;
using Previz.Rendering.Video;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;
using Previz.Studio.Sequences;
using Spectre.Console;

namespace Previz.Cli.Commands;

/// <summary>
/// <c>previz sequence export</c>: a scene's shots cut together, each filled by a given take or a Direct Render, as the
/// animatic MP4 or an editorial timeline packaged with its media.
/// </summary>
public static class SequenceCommands
{
    public static Command Create(Output output)
    {
        var sequence = new Command("sequence", "Cut a scene's shots together: the animatic MP4 and editorial timelines.");
        sequence.Subcommands.Add(Export(output));
        return sequence;
    }

    private static Command Export(Output output)
    {
        var scene = CommonOptions.SceneArgument();
        var format = new Option<string>("--format")
        {
            Description = "mp4 (the animatic), otio, fcpxml or edl (a folder, or a .zip when --out ends in .zip, with the media beside the timeline)",
            Required = true,
        }.AcceptOnlyFromAmong([.. SequenceExportFormats.Names]);
        var outPath = new Option<string>("--out", "-o") { Description = "The MP4, the package folder or the .zip", Required = true };
        var takes = new Option<string[]>("--take")
        {
            Description = "SHOT=FILE: the clip that fills a shot (repeatable); shots without one get a shaded Direct Render",
            AllowMultipleArgumentsPerToken = false,
        };
        var cues = new Option<string[]>("--cue")
        {
            Description = "FILE@SECONDS[:GAINDB]: an audio file placed at a time of the sequence, with a gain in dB (repeatable)",
        };
        var burnIn = new Option<bool>("--burn-in") { Description = "Burn each shot's name and the record timecode into the animatic" };
        var resolution = new Option<string?>("--resolution")
        {
            Description = "The cut's picture and the Direct Renders': 1k or 2k (default: the first take's size, else 1k)",
        }.AcceptOnlyFromAmong([.. ResolutionPresets.Names]);
        var command = new Command("export", "Export a scene's shots as one sequence: the animatic MP4, OpenTimelineIO, FCPXML or EDL.")
        {
            scene, format, outPath, takes, cues, burnIn, resolution,
        };
        command.SetAction(async (parse, ct) =>
        {
            var sceneText = parse.GetValue(scene)!;
            if (!File.Exists(sceneText) && !Directory.Exists(sceneText))
            {
                // Not a file: a scene stored by the studio (its id, or its name for the newest version), cut with the
                // takes and cues chosen in the studio's Sequence view.
                if ((parse.GetValue(takes) ?? []).Length > 0 || (parse.GetValue(cues) ?? []).Length > 0 || parse.GetValue(resolution) is not null)
                {
                    throw new UserErrorException($"\"{sceneText}\" is not a file, so it names a stored scene, whose takes and cues are chosen in the studio's Sequence view: --take, --cue and --resolution are for scene files.");
                }

                output.Out.WriteLine(await ExportStoredAsync(sceneText, SequenceExportFormats.Parse(parse.GetValue(format)!), parse.GetValue(outPath)!, parse.GetValue(burnIn), output, ct));
                return ExitCodes.Success;
            }

            var request = new ExportRequest(
                parse.GetValue(scene)!,
                SequenceExportFormats.Parse(parse.GetValue(format)!),
                parse.GetValue(outPath)!,
                ParseTakes(parse.GetValue(takes) ?? []),
                [.. (parse.GetValue(cues) ?? []).Select(ParseCue)],
                parse.GetValue(burnIn),
                parse.GetValue(resolution) is { } r ? Choices.Resolution(r) : null);
            var result = await ExportAsync(request, output, ct);
            foreach (var note in result.Notes)
            {
                output.Error.MarkupLine($"[grey]note:[/] {Markup.Escape(note)}");
            }

            output.Out.WriteLine(result.OutputPath);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>What the command line asked for, parsed.</summary>
    private sealed record ExportRequest(
        string ScenePath,
        SequenceExportFormat Format,
        string OutPath,
        IReadOnlyDictionary<string, string> Takes,
        IReadOnlyList<CueRequest> Cues,
        bool BurnIn,
        ResolutionPreset? Resolution);

    private sealed record CueRequest(string File, double Start, double GainDb);

    private static async Task<SequenceExportResult> ExportAsync(ExportRequest request, Output output, CancellationToken ct)
    {
        var loaded = await SceneFiles.LoadReportingWarningsAsync(request.ScenePath, output, ct);
        var document = loaded.Scene;
        var shots = document.Shots;
        if (shots.Count == 0)
        {
            throw new UserErrorException($"The scene \"{document.Name}\" has no shots to cut together; add one under \"shots\".");
        }

        foreach (var shotId in request.Takes.Keys)
        {
            if (!shots.Any(s => s.Id == shotId))
            {
                throw new SequenceException($"--take names shot \"{shotId}\", which is not in the scene (its shots: {string.Join(", ", shots.Select(s => s.Id))}).");
            }
        }

        var media = MediaTool.Default;
        var probe = new SequenceProbe(media);
        var rate = Core.Scenes.FrameRate.FromFps(shots[0].Fps);
        var taken = new Dictionary<string, SequenceTake>();
        foreach (var shot in shots.Where(s => request.Takes.ContainsKey(s.Id)))
        {
            var file = Path.GetFullPath(request.Takes[shot.Id]);
            taken[shot.Id] = await probe.TakeAsync(file, rate, Path.GetFileName(file), file, ct);
        }

        var placements = new List<SoundCuePlacement>();
        foreach (var cue in request.Cues)
        {
            var file = Path.GetFullPath(cue.File);
            placements.Add(new SoundCuePlacement(Path.GetFileNameWithoutExtension(file), file, cue.Start, await probe.AudioLengthAsync(file, ct), cue.GainDb));
        }

        var size = await CutSizeAsync(request, shots, taken, probe, ct);
        var renderPreset = request.Resolution ?? (Math.Max(size.Width, size.Height) > ResolutionPreset.OneK.LongEdge() ? ResolutionPreset.TwoK : ResolutionPreset.OneK);
        var toRender = shots.Where(s => !taken.ContainsKey(s.Id)).ToList();

        // Everything the user typed is checked (cues inside the cut, gains) before minutes of rendering.
        var planned = new Dictionary<string, SequenceTake>(taken);
        foreach (var shot in toRender)
        {
            planned[shot.Id] = new SequenceTake(shot.Id, "Direct Render · shaded", Math.Max(1, shot.FrameCount), false);
        }

        SequenceCutBuilder.Build(document.Name, shots, planned, placements, size.Width, size.Height);

        var renders = Directory.CreateTempSubdirectory("previz-sequence-").FullName;
        try
        {
            var takesNow = new Dictionary<string, SequenceTake>(taken);
            SequenceExportResult? result = null;
            await WithProgressAsync(output, async steps =>
            {
                foreach (var shot in toRender)
                {
                    var file = Path.Combine(renders, $"{SequenceExporter.FileName(shot.Id, "shot")}-direct-render.mp4");
                    var step = steps($"render {shot.DisplayName}");
                    await DirectRenderer.RenderToMp4Async(document, shot, RenderPass.Shaded, renderPreset, file,
                        new InlineProgress<RenderProgress>(p => step.Report(p.Fraction)), ct);
                    step.Report(1);
                    takesNow[shot.Id] = await probe.TakeAsync(file, rate, "Direct Render · shaded", file, ct);
                }

                var cut = SequenceCutBuilder.Build(document.Name, shots, takesNow, placements, size.Width, size.Height);
                var exporting = steps(request.Format.IsTimeline() ? $"package {request.Format.ToName()}" : "animatic");
                result = await new SequenceExporter(media, probe).ExportAsync(cut, Environment.CurrentDirectory, request.Format, request.OutPath,
                    new AnimaticOptions { BurnIn = request.BurnIn }, exporting, ct);
                exporting.Report(1);
            });
            return result!;
        }
        finally
        {
            Directory.Delete(renders, recursive: true);
        }
    }

    /// <summary>A stored scene's sequence (by id, or by name for its newest version) exported as the studio exports it.</summary>
    private static async Task<string> ExportStoredAsync(string scene, SequenceExportFormat format, string outPath, bool burnIn, Output output, CancellationToken ct)
    {
        using var host = StudioHost.BuildWorker([]);
        var services = host.Services;
        var folder = services.GetRequiredService<DataFolder>();
        if (!File.Exists(folder.Database) && Environment.GetEnvironmentVariable("PREVIZ_DATABASE") is null)
        {
            throw new UserErrorException($"\"{scene}\" is not a file, and there is no studio data in {folder.Root} to find a stored scene in (PREVIZ_DATA sets the folder).");
        }

        await services.GetRequiredService<StudioDatabase>().MigrateAsync(ct);
        var store = services.GetRequiredService<SceneStore>();
        var record = (Guid.TryParse(scene, out var id) ? await store.FindAsync(id, ct) : await store.LatestAsync(scene, ct))
            ?? throw new UserErrorException($"\"{scene}\" is neither a scene file nor a scene stored in {folder.Root} (give a file, a stored scene's id or its name).");
        (string Path, string DownloadName, string ContentType)? exported = null;
        await WithProgressAsync(output, async steps =>
        {
            var step = steps(format.IsTimeline() ? $"package {format.ToName()}" : "animatic");
            exported = await services.GetRequiredService<SequenceExports>().ExportAsync(record.Id, format, outPath, new AnimaticOptions { BurnIn = burnIn }, step, ct);
            step.Report(1);
        });
        return exported?.Path ?? throw new UserErrorException($"The stored scene {record.Id} is gone.");
    }

    /// <summary>--resolution for the first shot's aspect, else the first take's picture (even sides), else 1k.</summary>
    private static async Task<FrameSize> CutSizeAsync(ExportRequest request, IReadOnlyList<Shot> shots, Dictionary<string, SequenceTake> taken, SequenceProbe probe, CancellationToken ct)
    {
        if (request.Resolution is { } preset)
        {
            return FrameSize.For(shots[0].Aspect, preset);
        }

        var first = shots.FirstOrDefault(s => taken.ContainsKey(s.Id));
        if (first is not null && (await probe.StreamsAsync(taken[first.Id].MediaPath, ct)).Video is { } video && video.Width >= 2 && video.Height >= 2)
        {
            return new FrameSize(video.Width & ~1, video.Height & ~1);
        }

        return FrameSize.For(shots[0].Aspect, ResolutionPreset.OneK);
    }

    /// <summary>"SHOT=FILE" pairs, one take per shot.</summary>
    private static Dictionary<string, string> ParseTakes(string[] values)
    {
        var takes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var at = value.IndexOf('=', StringComparison.Ordinal);
            if (at <= 0 || at == value.Length - 1)
            {
                throw new UserErrorException($"--take \"{value}\" must be SHOT=FILE (a shot id, \"=\", a video file).");
            }

            if (!takes.TryAdd(value[..at], value[(at + 1)..]))
            {
                throw new UserErrorException($"--take names shot \"{value[..at]}\" twice; give each shot one take.");
            }
        }

        return takes;
    }

    /// <summary>"FILE@SECONDS" or "FILE@SECONDS:GAINDB".</summary>
    private static CueRequest ParseCue(string value)
    {
        var at = value.LastIndexOf('@');
        var bad = $"--cue \"{value}\" must be FILE@SECONDS or FILE@SECONDS:GAINDB (e.g. music.wav@12.5:-6).";
        if (at <= 0 || at == value.Length - 1)
        {
            throw new UserErrorException(bad);
        }

        var timing = value[(at + 1)..].Split(':');
        if (timing.Length > 2
            || !double.TryParse(timing[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var start)
            || !double.TryParse(timing.Length == 2 ? timing[1] : "0", NumberStyles.Float, CultureInfo.InvariantCulture, out var gain))
        {
            throw new UserErrorException(bad);
        }

        return new CueRequest(value[..at], start, gain);
    }

    /// <summary>
    /// Runs the steps with one progress bar each (render of a shot, then the animatic or package) when stderr is a
    /// terminal, else one line per tenth of each step.
    /// </summary>
    private static async Task WithProgressAsync(Output output, Func<Func<string, IProgress<double>>, Task> run)
    {
        if (!output.Error.Profile.Capabilities.Interactive)
        {
            await run(name =>
            {
                var lastTenth = -1;
                return new InlineProgress<double>(p =>
                {
                    var tenth = (int)(p * 10);
                    if (tenth != lastTenth)
                    {
                        lastTenth = tenth;
                        output.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {p:0%}"));
                    }
                });
            });
            return;
        }

        await output.Error.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => run(name =>
            {
                var task = context.AddTask(Markup.Escape(name), maxValue: 1);
                return new InlineProgress<double>(p => task.Value = p);
            }));
    }
}
