using System.Globalization;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Motion;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Providers.Inputs;
using Previz.Providers.Requests;

namespace Previz.Providers.Generation;

/// <summary>
/// The pictures a hosted request sends in its image fields (start and end frame, or Luma's timed keyframes) and
/// Kling's camera control: each picture is captured from the shot or read from a file, fitted to the input frame
/// size and the model's byte limit, and remembered with where it came from.
/// </summary>
internal sealed class RequestFrames
{
    private readonly GenerationSpec _spec;
    private readonly ModelEntry _model;
    private readonly Shot _shot;
    private readonly ResolvedOptions _options;
    private readonly int _width;
    private readonly int _height;
    private readonly double _lastFrameTime;
    private readonly Dictionary<FittedImage, string> _sources = new(ReferenceEqualityComparer.Instance);

    // Made on the first capture only: a request whose frames all come from files renders nothing.
    private FrameCapturer? _capturer;

    public RequestFrames(GenerationSpec spec, ModelEntry model, Shot shot, ResolvedOptions options)
    {
        _spec = spec;
        _model = model;
        _shot = shot;
        _options = options;
        (_width, _height) = InputFrameSize.For(options);
        _lastFrameTime = Math.Min(options.OutputSeconds, Math.Max(0, (shot.FrameCount - 1) / shot.Fps));
    }

    /// <summary>Where each fitted picture came from (a capture, a file), by the picture itself.</summary>
    public IReadOnlyDictionary<FittedImage, string> Sources => _sources;

    /// <summary><paramref name="inputs"/> with the frames <paramref name="endpoint"/> takes; what it cannot take goes to <paramref name="notes"/>.</summary>
    public async Task<RequestInputs> AddAsync(
        RequestInputs inputs, VendorEndpoint endpoint, ShotMotion? motion, List<string> notes, CancellationToken cancellationToken)
    {
        var fields = endpoint.Fields;
        var mode = _spec.Mode;
        var wantsEnd = mode == VisualizerMode.StartEnd || (mode == VisualizerMode.FromAnimation && _model.Inputs.EndFrame);
        if (_spec.EndFrame is not null && !wantsEnd)
        {
            notes.Add($"the end frame is not used in {mode.Id()} mode on {_model.DisplayName}");
        }

        if (fields.KeyframesWithIndexes)
        {
            return inputs with { Keyframes = await TimedKeyframesAsync(fields, cancellationToken) };
        }

        if (mode == VisualizerMode.FromAnimation && _model.Inputs.GuideVideo is { } guide && _options.Guide is { } timing)
        {
            inputs = inputs with { GuideVideo = await GuideVideoRenderer.RenderAsync(_spec.Scene, _shot, guide, timing, _options.OutputAspect, _width, _height, null, cancellationToken) };
            if (fields.KeyframesAsTimedObjects)
            {
                return inputs with { Keyframes = await GuideKeyframesAsync(timing, notes, cancellationToken) };
            }

            if (_spec.StartFrame is null && !guide.RequiresStartFrame)
            {
                // The guide drives the motion; a first frame only where the user gives one (a captured grey render
                // would pull the look towards Direct Render's shading) or the endpoint requires one.
                return inputs;
            }
        }

        if (fields.StartImage is not null)
        {
            inputs = inputs with { StartFrame = await FitAsync(_spec.StartFrame ?? FrameSource.CaptureStart(), cancellationToken) };
        }
        else if (_spec.StartFrame is not null)
        {
            notes.Add($"the start frame is not used: {endpoint.Id} takes no input image");
        }

        if (wantsEnd && fields.EndImage is not null)
        {
            inputs = inputs with { EndFrame = await FitAsync(_spec.EndFrame ?? FrameSource.CaptureEnd(), cancellationToken) };
        }

        if (mode == VisualizerMode.FromAnimation && motion is not null && _model.Inputs.CameraParameters == CameraParameterKind.KlingCameraControl)
        {
            inputs = inputs with { CameraControl = KlingCameraControl.From(motion.Camera) };
        }

        return inputs;
    }

    /// <summary>Luma Ray keyframes: pictures pinned at frame positions of the clip, at the endpoint's keyframe rate.</summary>
    private async Task<IReadOnlyList<TimedKeyframe>> TimedKeyframesAsync(RequestFields fields, CancellationToken cancellationToken)
    {
        var lastIndex = Math.Max(1, (int)Math.Round(_options.ClipSeconds * fields.KeyframeFps) - 1);
        var keyframes = new List<TimedKeyframe>();
        foreach (var (t, source) in KeyframeTimes())
        {
            var index = Math.Min(lastIndex, (int)Math.Round(t * fields.KeyframeFps, MidpointRounding.AwayFromZero));
            keyframes.Add(new TimedKeyframe(await FitAsync(source, cancellationToken), index, t));
        }

        return keyframes;
    }

    /// <summary>
    /// Pictures pinned to moments of a guide video (Runway Aleph 2.0's keyframes): the start frame the user gives at its
    /// first frame, the end frame at its last; none of its own, since a captured grey render would pull the look towards
    /// Direct Render's shading, and the guide already carries the shot.
    /// </summary>
    private async Task<IReadOnlyList<TimedKeyframe>> GuideKeyframesAsync(GuideTiming timing, List<string> notes, CancellationToken cancellationToken)
    {
        var keyframes = new List<TimedKeyframe>(2);
        if (_spec.StartFrame is { } start)
        {
            keyframes.Add(new TimedKeyframe(await FitAsync(start, cancellationToken), 0, 0));
        }

        // A capped guide ends before the shot does, and the end frame shows the shot's end.
        if (_spec.EndFrame is not null && _options.OutputSeconds < _shot.Duration - 1e-9)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"the end frame is not used: the clip follows only the first {_options.OutputSeconds:0.0#} s of the shot, not its end"));
        }
        else if (_spec.EndFrame is { } end)
        {
            keyframes.Add(new TimedKeyframe(await FitAsync(end, cancellationToken), timing.Frames - 1, timing.LastFrameTime));
        }

        return keyframes;
    }

    /// <summary>
    /// The start; then in From Animation mode captures spread evenly to the last frame (about one a second, within the
    /// model's limit; the given end frame replaces the last), or in Start + End mode the end frame.
    /// </summary>
    private List<(double Time, FrameSource Source)> KeyframeTimes()
    {
        var times = new List<(double Time, FrameSource Source)> { (0, _spec.StartFrame ?? FrameSource.CaptureStart()) };
        if (_spec.Mode == VisualizerMode.FromAnimation)
        {
            var count = Math.Clamp((int)Math.Ceiling(_lastFrameTime) + 1, 2, Math.Max(2, _model.Inputs.MaxTimedKeyframes));
            for (var i = 1; i < count; i++)
            {
                var t = _lastFrameTime * i / (count - 1);
                times.Add((t, i == count - 1 && _spec.EndFrame is { } e ? e : FrameSource.Capture(t)));
            }
        }
        else if (_spec.Mode == VisualizerMode.StartEnd)
        {
            times.Add((_lastFrameTime, _spec.EndFrame ?? FrameSource.CaptureEnd()));
        }

        return times;
    }

    private async Task<FittedImage> FitAsync(FrameSource source, CancellationToken cancellationToken)
    {
        var (bytes, name) = source switch
        {
            CapturedFrameSource capture => (await CaptureAsync(capture, cancellationToken), source.Describe()),
            FileFrameSource file => (await ReadAsync(file, cancellationToken), file.Path),
            BytesFrameSource given => (given.Content.ToArray(), given.Name),
            _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Unknown frame source."),
        };
        var fitted = ImageFitter.FitFrame(bytes, _width, _height, _model.Inputs.MaxImageBytes, name);
        _sources[fitted] = name;
        return fitted;
    }

    private async Task<byte[]> CaptureAsync(CapturedFrameSource capture, CancellationToken cancellationToken)
    {
        _capturer ??= new FrameCapturer(_spec.Scene);
        var t = capture.ShotTime ?? _lastFrameTime;
        if (t > _shot.Duration + 1e-9)
        {
            throw new UnsupportedOptionException(_model.Id, "capture time", ShotSeconds(t), [$"0–{ShotSeconds(_shot.Duration)}"], "A capture must lie within the shot.");
        }

        return await _capturer.CaptureAsync(_shot, t, _width, _height, cancellationToken);
    }

    private async Task<byte[]> ReadAsync(FileFrameSource file, CancellationToken cancellationToken)
    {
        var path = _spec.FullPath(file.Path);
        if (!File.Exists(path))
        {
            throw new UserErrorException($"Frame file not found: {file.Path}");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    private static string ShotSeconds(double s) => string.Create(CultureInfo.InvariantCulture, $"{s:0.###} s");
}
