using Previz.Core.Modes;
using Previz.Core.Options;

namespace Previz.Core.Catalog;

/// <summary>
/// Builds a vendor request body from the catalog's field data and resolved options, so every client sends exactly
/// the fields its schema has. The audio flag is always sent where it exists, because some vendors default it on
/// and bill more for it.
/// </summary>
public static class VendorRequestBuilder
{
    public static VendorRequest Build(ResolvedOptions options, string prompt, FrameInputs frames, int? seed = null, string? negativePrompt = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(frames);
        var model = options.Model;
        var mode = options.Mode;
        if (model.Provider == ModelProvider.DirectRender)
        {
            throw new ArgumentException("Direct Render runs on this machine; it has no vendor request.", nameof(options));
        }

        var endpoint = model.Endpoint(mode)
            ?? throw new UnsupportedOptionException(model.Id, "mode", mode.Id(), [.. model.Endpoints.Keys.Select(m => m.Id())]);
        var f = endpoint.Fields;
        var body = new Dictionary<string, object?>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var (key, value) in f.Constants)
        {
            body[key] = value;
        }

        body[f.Prompt] = prompt;

        var needsStart = mode is VisualizerMode.StartFrame or VisualizerMode.StartEnd or VisualizerMode.FromAnimation;
        var needsEnd = mode == VisualizerMode.StartEnd;
        if (f.Keyframes is not null)
        {
            AddKeyframes(model, options, frames, f, body, needsStart, needsEnd);
        }
        else
        {
            if (f.StartImage is not null)
            {
                if (frames.StartImage is { } start)
                {
                    body[f.StartImage] = f.StartImageIsList ? new[] { start } : start;
                }
                else if (needsStart && model.Kind == ModelKind.Video)
                {
                    throw Missing(model, mode, "a start frame");
                }
            }

            if (f.EndImage is not null && frames.EndImage is { } end)
            {
                body[f.EndImage] = end;
            }
            else if (needsEnd)
            {
                throw Missing(model, mode, "an end frame");
            }
            else if (frames.EndImage is not null)
            {
                notes.Add($"end frame not sent: {model.DisplayName} takes none in {mode.Id()}");
            }
        }

        if (f.Duration is not null && options.ClipSeconds > 0)
        {
            body[f.Duration] = f.FormatDuration((int)Math.Round(options.ClipSeconds));
        }

        if (f.AspectRatio is not null && options.VendorAspect is { } aspect)
        {
            body[f.AspectRatio] = aspect.Value;
        }

        if (f.Resolution is not null && options.VendorResolution is { } resolution)
        {
            body[f.Resolution] = resolution;
        }

        if (f.Audio is not null)
        {
            body[f.Audio] = options.Audio;
        }

        if (seed is { } s)
        {
            if (f.Seed is not null)
            {
                body[f.Seed] = s;
            }
            else
            {
                notes.Add($"seed not sent: {model.DisplayName}'s API has no seed");
            }
        }

        if (negativePrompt is { Length: > 0 } negative)
        {
            if (f.NegativePrompt is not null)
            {
                body[f.NegativePrompt] = negative;
            }
            else
            {
                notes.Add($"negative prompt not sent: {model.DisplayName}'s API has none");
            }
        }

        if (f.ImageCount is not null)
        {
            body[f.ImageCount] = 1;
        }

        return new VendorRequest(model.Provider, endpoint.Id, body, notes);
    }

    private static void AddKeyframes(ModelEntry model, ResolvedOptions options, FrameInputs frames, RequestFields f, Dictionary<string, object?> body, bool needsStart, bool needsEnd)
    {
        var clipFrames = (int)Math.Round(options.ClipSeconds * f.KeyframeFps);
        var pinned = new List<TimedFrame>();
        if (frames.StartImage is { } start)
        {
            pinned.Add(new TimedFrame(start, 0));
        }
        else if (needsStart)
        {
            throw Missing(model, options.Mode, "a start frame");
        }

        pinned.AddRange(frames.Keyframes);
        if (frames.EndImage is { } end)
        {
            pinned.Add(new TimedFrame(end, options.OutputSeconds));
        }
        else if (needsEnd)
        {
            throw Missing(model, options.Mode, "an end frame");
        }

        var ordered = pinned
            .Select(p => (p.Image, Index: Math.Clamp((int)Math.Round(p.Seconds * f.KeyframeFps), 0, Math.Max(0, clipFrames - 1))))
            .GroupBy(p => p.Index)
            .Select(g => g.Last())
            .OrderBy(p => p.Index)
            .ToList();
        if (model.Inputs.MaxTimedKeyframes > 0 && ordered.Count > model.Inputs.MaxTimedKeyframes)
        {
            throw new UnsupportedOptionException(model.Id, "keyframes", ordered.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [$"1–{model.Inputs.MaxTimedKeyframes}"]);
        }

        body[f.Keyframes!] = ordered.Select(p => p.Image).ToArray();
        if (f.KeyframeIndexes is not null)
        {
            body[f.KeyframeIndexes] = ordered.Select(p => p.Index).ToArray();
        }
    }

    private static UserErrorException Missing(ModelEntry model, VisualizerMode mode, string what) =>
        new($"{mode.DisplayName()} on {model.DisplayName} needs {what}.");
}
