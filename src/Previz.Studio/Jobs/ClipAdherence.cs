using Microsoft.Extensions.Logging;
using Previz.Core;
using Previz.Core.Modes;
using Previz.Rendering.Adherence;
using Previz.Rendering.Video;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Jobs;

/// <summary>
/// Part of finishing a hosted clip of From Animation or Start + End: how closely its camera follows the shot's authored
/// motion (<see cref="AdherenceMeter"/>), kept in the gallery item's provenance. A measure that cannot be taken (the
/// scene deleted meanwhile, a picture with nothing to follow, a fault in measuring) is logged and left out: it never
/// fails the clip.
/// </summary>
public sealed partial class ClipAdherence
{
    private readonly SceneStore _scenes;
    private readonly MediaTool _media;
    private readonly ILogger<ClipAdherence> _logger;

    public ClipAdherence(SceneStore scenes, MediaTool media, ILogger<ClipAdherence> logger)
    {
        _scenes = scenes;
        _media = media;
        _logger = logger;
    }

    /// <summary>Whether clips of <paramref name="mode"/> (an id) are measured: the modes that promise the authored motion.</summary>
    public static bool Measures(string mode) =>
        mode == VisualizerMode.FromAnimation.Id() || mode == VisualizerMode.StartEnd.Id();

    /// <summary>The adherence of the finished <paramref name="clip"/> of <paramref name="generation"/>; null when its mode is not measured or the measure failed.</summary>
    public async Task<MotionAdherence?> MeasureAsync(GenerationRecord generation, string clip, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(generation);
        if (!Measures(generation.Mode))
        {
            return null;
        }

        var record = generation.SceneId is { } sceneId ? await _scenes.FindAsync(sceneId, cancellationToken) : null;
        if (record is null)
        {
            return null;
        }

        var scene = await _scenes.LoadAsync(record, cancellationToken);
        if (scene.FindShot(generation.ShotId) is not { } shot)
        {
            return null;
        }

        try
        {
            var adherence = await AdherenceMeter.MeasureAsync(scene, shot, clip, _media, cancellationToken);
            LogMeasured(_logger, generation.Id, adherence.Score);
            return adherence;
        }
        catch (Exception ex) when (ex is UserErrorException or VideoEncodingException)
        {
            LogNotMeasured(_logger, generation.Id, ex.Message);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A bug in measuring: logged with its details, and the clip is stored all the same.
            LogMeasureFailed(_logger, ex, generation.Id);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Generation {GenerationId}: motion adherence {Score}")]
    private static partial void LogMeasured(ILogger logger, Guid generationId, double score);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generation {GenerationId}: motion adherence not measured: {Reason}")]
    private static partial void LogNotMeasured(ILogger logger, Guid generationId, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Generation {GenerationId}: measuring motion adherence failed")]
    private static partial void LogMeasureFailed(ILogger logger, Exception exception, Guid generationId);
}
