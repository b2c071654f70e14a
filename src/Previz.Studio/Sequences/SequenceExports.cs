using Previz.Core.Sequences;
using Previz.Rendering.Framing;
using Previz.Rendering.Sequences;
using Previz.Rendering.Video;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;

namespace Previz.Studio.Sequences;

/// <summary>
/// A scene's sequence exported by <see cref="SequenceExporter"/>: the animatic MP4, or an OpenTimelineIO, FCPXML or EDL
/// timeline zipped with its media. The takes are the files the player plays (a chosen clip, else the shot's Direct
/// Render), probed through the media boundary; the picture is the first shot's aspect at 1k.
/// </summary>
public sealed class SequenceExports
{
    private readonly SequenceService _sequences;
    private readonly DataFolder _folder;
    private readonly MediaTool _tool;

    public SequenceExports(SequenceService sequences, DataFolder folder, MediaTool tool)
    {
        _sequences = sequences;
        _folder = folder;
        _tool = tool;
    }

    /// <summary>
    /// Writes the export of scene version <paramref name="sceneId"/>'s sequence (a timeline as a .zip with its media) under
    /// <c>tmp/</c>, where the caller deletes it. Null when there is no such scene.
    /// </summary>
    /// <exception cref="SequenceException">A take or cue that cannot be used (the message names it).</exception>
    public Task<(string Path, string DownloadName, string ContentType)?> ExportAsync(Guid sceneId, SequenceExportFormat format, CancellationToken cancellationToken) =>
        ExportAsync(sceneId, format, null, null, null, cancellationToken);

    /// <summary>
    /// Writes the export of scene version <paramref name="sceneId"/>'s sequence to <paramref name="outputPath"/> (an MP4,
    /// a package folder, or a .zip when it ends so), or under <c>tmp/</c> when it is null. Null when there is no such scene.
    /// </summary>
    /// <exception cref="SequenceException">A take or cue that cannot be used (the message names it).</exception>
    public async Task<(string Path, string DownloadName, string ContentType)?> ExportAsync(
        Guid sceneId, SequenceExportFormat format, string? outputPath, AnimaticOptions? animatic, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var view = await _sequences.GetAsync(sceneId, cancellationToken);
        if (view is null)
        {
            return null;
        }

        // One probe per export: each file is probed once, by the cut and by the animatic writer alike.
        var probe = new SequenceProbe(_tool);
        var shots = view.Document.Shots;
        var rate = Core.Scenes.FrameRate.FromFps(shots[0].Fps);
        var playback = SequenceService.Playback(view);
        var takes = new Dictionary<string, SequenceTake>(StringComparer.Ordinal);
        foreach (var clip in playback.Clips)
        {
            var file = await _sequences.OpenAsync(playback, clip.Media, cancellationToken)
                ?? throw new SequenceException($"The take of shot \"{clip.ShotId}\" is missing from the data folder.");
            var relative = _folder.Relative(file.Path).Replace(Path.DirectorySeparatorChar, '/');
            takes[clip.ShotId] = await probe.TakeAsync(file.Path, rate, clip.TakeLabel, relative, cancellationToken);
        }

        var cues = playback.Cues.Select(c =>
        {
            var stored = view.Cues.First(s => s.Id == c.Id);
            return new SoundCuePlacement(c.Name, stored.MediaPath.Replace(Path.DirectorySeparatorChar, '/'), c.Start, stored.DurationSeconds, c.GainDb);
        }).ToList();
        var size = FrameSize.For(shots[0].Aspect, ResolutionPreset.OneK);
        var cut = SequenceCutBuilder.Build(view.Scene.Name, shots, takes, cues, size.Width, size.Height);

        var timeline = format.IsTimeline();
        var output = outputPath;
        if (output is null)
        {
            var folder = Path.Combine(_folder.Temp, "exports");
            Directory.CreateDirectory(folder);
            output = Path.Combine(folder, $"{Guid.NewGuid():N}{(timeline ? ".zip" : ".mp4")}");
        }

        await new SequenceExporter(_tool, probe).ExportAsync(cut, _folder.Root, format, output, animatic, progress, cancellationToken);
        var name = $"{DownloadNames.Slug(view.Scene.Name)}-sequence{format.Extension()}{(timeline ? ".zip" : string.Empty)}";
        return (output, name, timeline ? "application/zip" : "video/mp4");
    }
}
