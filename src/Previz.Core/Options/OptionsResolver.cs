using System.Globalization;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Scenes;

namespace Previz.Core.Options;

/// <summary>
/// Works out, for a mode, a model and a shot, which options to offer with their defaults, and checks a user's choices.
/// Rules: the clip covers the shot (shortest accepted length ≥ the shot, trimmed afterwards); a shot over the maximum
/// is refused unless the user accepts the cap; the aspect follows the shot or the nearest the model has; audio only
/// where the model makes it. Every refusal is an <see cref="UnsupportedOptionException"/>.
/// </summary>
public sealed class OptionsResolver(ModelCatalog catalog)
{
    public static OptionsResolver Default { get; } = new(ModelCatalog.Default);

    public ModelCatalog Catalog { get; } = catalog;

    public OptionsOffer Offer(VisualizerMode mode, ModelEntry model, Shot shot)
    {
        EnsureUsable(mode, model);
        var notes = new List<string>();
        var (aspect, vendorAspect) = DefaultAspect(model, shot.Aspect, notes);
        // A guide video sets the clip's length, so no length is offered for it even where the vendor has a length field.
        var guided = mode == VisualizerMode.FromAnimation && model.Inputs.GuideVideo is not null;
        var durations = mode == VisualizerMode.Image || model.Durations is null || guided ? [] : model.Durations.Choices;
        double? defaultDuration = null;
        double? cap = null;
        if (mode != VisualizerMode.Image)
        {
            if (mode == VisualizerMode.FromAnimation && model.Inputs.GuideVideo is { } guide)
            {
                defaultDuration = shot.Duration;
                if (guide.TimingFor(shot.Duration) is { } timing)
                {
                    notes.Add(Text($"follows a {GuideName(guide.Pass)} guide video of the shot: {timing}"));
                }
                else
                {
                    notes.Add(Text($"the shot lasts {shot.Duration:0.0#} s; {model.DisplayName}'s guide video takes {guide.LimitsText()}"));
                    if (shot.Duration > guide.MaxSeconds)
                    {
                        cap = guide.MaxSeconds;
                        notes.Add(Text($"accept the cap to follow the first {guide.MaxSeconds:0.0#} s"));
                    }
                }
            }
            else if (model.Durations is null)
            {
                defaultDuration = shot.Duration;
                notes.Add(Text($"renders the shot's exact {shot.Duration:0.0#} s"));
            }
            else if (model.Durations.ShortestAtLeast(shot.Duration) is { } covering)
            {
                defaultDuration = covering;
                if (covering > shot.Duration + 1e-9)
                {
                    notes.Add(Text($"generates {covering} s to cover the shot's {shot.Duration:0.0#} s; the result is trimmed to {shot.Duration:0.0#} s"));
                }
            }
            else
            {
                cap = model.Durations.Max;
                defaultDuration = model.Durations.Max;
                notes.Add(Text($"the shot lasts {shot.Duration:0.0#} s but {model.DisplayName} makes at most {model.Durations.Max} s: accept the cap to generate the first {model.Durations.Max} s"));
            }
        }

        ResolutionNote(model, ResolutionTier.Preview1K, notes);
        return new OptionsOffer
        {
            Model = model,
            Mode = mode,
            ShotSeconds = shot.Duration,
            Durations = durations,
            DefaultDuration = defaultDuration,
            CapSeconds = cap,
            Aspects = model.Aspects,
            DefaultAspect = aspect,
            DefaultVendorAspect = vendorAspect,
            AudioOffered = mode != VisualizerMode.Image && model.Audio != AudioSupport.None,
            AudioDefault = model.Audio == AudioSupport.Native,
            Resolutions = model.Resolutions,
            Notes = notes,
        };
    }

    public ResolvedOptions Resolve(VisualizerMode mode, ModelEntry model, Shot shot, VideoRequestOptions request)
    {
        EnsureUsable(mode, model);
        var notes = new List<string>();

        // Duration.
        double clip;
        double output;
        GuideTiming? guide = null;
        if (mode == VisualizerMode.Image)
        {
            if (request.Duration is { } asked)
            {
                throw new UnsupportedOptionException(model.Id, "duration", ShotTooLongException.Seconds(asked), [], "Image mode makes a still.");
            }

            clip = 0;
            output = 0;
        }
        else if (mode == VisualizerMode.FromAnimation && model.Inputs.GuideVideo is { } guideSpec)
        {
            // The guide video sets the clip's length: its frames cover the shot at a rate the vendor accepts.
            if (request.Duration is { } asked && Math.Abs(asked - shot.Duration) > 1e-6)
            {
                throw new UnsupportedOptionException(model.Id, "duration", ShotTooLongException.Seconds(asked), [ShotTooLongException.Seconds(shot.Duration)],
                    "The guide video follows the whole shot, so the clip lasts as long as the shot.");
            }

            var whole = guideSpec.TimingFor(shot.Duration);
            guide = whole ?? CappedGuide(model, shot, guideSpec, request, notes);
            // A guide endpoint that also takes a clip length (Luma Ray 3.2's edit on fal: "5s" | "10s") is asked for, and bills,
            // the shortest length that covers the guide's frames; the result is trimmed to the shot like any longer clip. One
            // without a length field (Gemini Omni Flash's edit, whose other modes take lengths) makes a clip as long as the guide.
            clip = model.Durations is { } lengths && model.Endpoint(mode)?.Fields.Duration is not null
                ? lengths.ShortestAtLeast(guide.LastFrameTime) ?? throw new ShotOutsideGuideLimitsException(model.Id, shot.Duration, guideSpec)
                : guide.Seconds;
            output = whole is null ? guide.LastFrameTime : shot.Duration;
            notes.Add(Text($"follows a {GuideName(guideSpec.Pass)} guide video of the shot: {guide}"));
        }
        else if (model.Durations is null)
        {
            clip = request.Duration ?? shot.Duration;
            if (clip <= 0)
            {
                throw new UnsupportedOptionException(model.Id, "duration", ShotTooLongException.Seconds(clip), ["any length above 0 s"]);
            }

            output = clip;
        }
        else if (request.Duration is { } asked)
        {
            if (!model.Durations.Contains(asked))
            {
                throw new UnsupportedOptionException(model.Id, "duration", ShotTooLongException.Seconds(asked), model.Durations.AcceptedText());
            }

            clip = asked;
            output = Math.Min(asked, shot.Duration);
            if (asked < shot.Duration - 1e-9)
            {
                notes.Add(Text($"the {asked} s clip covers only the first {asked} s of the shot's {shot.Duration:0.0#} s"));
            }
        }
        else if (model.Durations.ShortestAtLeast(shot.Duration) is { } covering)
        {
            clip = covering;
            output = shot.Duration;
        }
        else if (request.AcceptDurationCap)
        {
            clip = model.Durations.Max;
            output = clip;
            notes.Add(Text($"the shot lasts {shot.Duration:0.0#} s; {model.DisplayName} makes at most {clip} s, so the clip covers the first {clip} s"));
        }
        else
        {
            throw new ShotTooLongException(model.Id, shot.Duration, model.Durations.Max, model.Durations.AcceptedText());
        }

        if (clip > output + 1e-9 && guide is null)
        {
            notes.Add(Text($"generates {clip} s, trimmed to the shot's {output:0.0#} s"));
        }

        // Aspect.
        AspectRatio aspect;
        VendorAspect? vendorAspect;
        if (request.Aspect is { } askedAspect)
        {
            (aspect, vendorAspect) = ChosenAspect(model, shot.Aspect, askedAspect, notes);
        }
        else
        {
            (aspect, vendorAspect) = DefaultAspect(model, shot.Aspect, notes);
        }

        // Audio.
        var audio = false;
        if (request.Audio)
        {
            if (mode == VisualizerMode.Image || model.Audio == AudioSupport.None)
            {
                var capable = Catalog.AudioCapable(mode == VisualizerMode.Image ? null : mode).Select(m => m.Id).ToList();
                throw new UnsupportedOptionException(model.Id, "audio", "on", ["off"],
                    capable.Count == 0 ? "No model makes audio." : $"Models that make audio{(mode == VisualizerMode.Image ? "" : $" in {mode.Id()}")}: {string.Join(", ", capable)}.");
            }

            audio = true;
        }
        else if (model.Audio == AudioSupport.Native && mode != VisualizerMode.Image)
        {
            audio = true;
            notes.Add($"{model.DisplayName} always generates sound");
        }

        var vendorResolution = model.VendorResolution(request.Resolution);
        ResolutionNote(model, request.Resolution, notes);
        if (mode != VisualizerMode.Image && model.Fps is { } fps && Math.Abs(fps - shot.Fps) > 1e-6)
        {
            notes.Add(Text($"{model.DisplayName} makes {fps:0.##} fps; the shot is {shot.Fps:0.##} fps, so the result is retimed to {shot.Fps:0.##} fps"));
        }
        return new ResolvedOptions
        {
            Model = model,
            Mode = mode,
            ClipSeconds = clip,
            OutputSeconds = output,
            VendorAspect = vendorAspect,
            OutputAspect = aspect,
            Resolution = request.Resolution,
            VendorResolution = vendorResolution,
            Audio = audio,
            Guide = guide,
            Notes = notes,
        };
    }

    /// <summary>
    /// The guide of the shot's first <see cref="GuideVideoSpec.MaxSeconds"/> for a shot longer than the model's guide can
    /// cover, where the user accepted the cap; otherwise the refusal with both numbers (also for a shot that is too short).
    /// </summary>
    private static GuideTiming CappedGuide(ModelEntry model, Shot shot, GuideVideoSpec spec, VideoRequestOptions request, List<string> notes)
    {
        if (!request.AcceptDurationCap || shot.Duration <= spec.MaxSeconds || spec.TimingFor(spec.MaxSeconds) is not { } capped)
        {
            throw new ShotOutsideGuideLimitsException(model.Id, shot.Duration, spec);
        }

        notes.Add(Text($"the shot lasts {shot.Duration:0.0#} s; {model.DisplayName}'s guide video covers at most {spec.MaxSeconds:0.0#} s, so the clip follows the first {capped.LastFrameTime:0.0#} s"));
        return capped;
    }

    private void EnsureUsable(VisualizerMode mode, ModelEntry model)
    {
        if (!model.IsAvailable)
        {
            throw new ModelUnavailableException(model);
        }

        if (!model.Supports(mode))
        {
            var others = Catalog.ForMode(mode).Where(l => l.IsAvailable).Select(l => l.Model.Id).ToList();
            throw new UnsupportedOptionException(model.Id, "mode", mode.Id(), [.. model.Modes.Select(m => m.Id())],
                others.Count == 0 ? null : $"Models that do {mode.Id()}: {string.Join(", ", others)}.");
        }
    }

    private static (AspectRatio Aspect, VendorAspect? Vendor) DefaultAspect(ModelEntry model, AspectRatio shotAspect, List<string> notes)
    {
        if (model.Aspects.Count == 0)
        {
            return (shotAspect, null);
        }

        var exact = model.Aspects.FirstOrDefault(a => SameRatio(a.Ratio, shotAspect));
        if (exact is not null)
        {
            return (exact.Ratio, exact);
        }

        var nearest = Nearest(model.Aspects, shotAspect);
        notes.Add($"{model.DisplayName} cannot make the shot's {shotAspect} ({Orientation(shotAspect)}); using the nearest it has, {nearest.Value} ({nearest.Orientation}); frames are fitted without stretching");
        return (nearest.Ratio, nearest);
    }

    private static (AspectRatio Aspect, VendorAspect? Vendor) ChosenAspect(ModelEntry model, AspectRatio shotAspect, string asked, List<string> notes)
    {
        var text = asked.Trim();
        if (model.Aspects.Count == 0)
        {
            if (AspectRatio.TryParse(text, out var any))
            {
                return (any, null);
            }

            var orientationOnly = text.ToUpperInvariant() switch
            {
                "LANDSCAPE" => (AspectRatio?)(shotAspect.IsPortrait ? new AspectRatio(shotAspect.Height, shotAspect.Width) : shotAspect),
                "PORTRAIT" => shotAspect.IsPortrait ? shotAspect : new AspectRatio(shotAspect.Height, shotAspect.Width),
                "SQUARE" => new AspectRatio(1, 1),
                _ => null,
            };
            return orientationOnly is { } o
                ? (o, null)
                : throw new UnsupportedOptionException(model.Id, "aspect", asked, ["any ratio such as 16:9", "landscape", "portrait", "square"]);
        }

        var byValue = model.Aspects.FirstOrDefault(a => string.Equals(a.Value, text, StringComparison.OrdinalIgnoreCase));
        if (byValue is not null)
        {
            return (byValue.Ratio, byValue);
        }

        if (AspectRatio.TryParse(text, out var ratio))
        {
            var match = model.Aspects.FirstOrDefault(a => SameRatio(a.Ratio, ratio));
            if (match is not null)
            {
                return (match.Ratio, match);
            }
        }
        else if (text.ToUpperInvariant() is "LANDSCAPE" or "PORTRAIT" or "SQUARE")
        {
            var wanted = text.ToLowerInvariant();
            var candidates = model.Aspects.Where(a => a.Orientation == wanted).ToList();
            if (candidates.Count > 0)
            {
                // Asked to turn the frame: aim for the shot's aspect turned the same way (16:9 → 9:16).
                var target = wanted == "square" ? new AspectRatio(1, 1)
                    : (wanted == "portrait") == shotAspect.IsPortrait ? shotAspect : new AspectRatio(shotAspect.Height, shotAspect.Width);
                var pick = Nearest(candidates, target);
                notes.Add($"{wanted} on {model.DisplayName} is {pick.Value}");
                return (pick.Ratio, pick);
            }
        }

        var accepted = model.Aspects.Select(a => a.Value == a.Ratio.ToString() ? a.Value : $"{a.Value} ({a.Ratio})")
            .Concat(model.Aspects.Select(a => a.Orientation).Distinct()).ToList();
        throw new UnsupportedOptionException(model.Id, "aspect", asked, accepted);
    }

    private static VendorAspect Nearest(IEnumerable<VendorAspect> aspects, AspectRatio target)
    {
        var t = Math.Log(target.Value);
        return aspects
            .OrderBy(a => (a.Ratio.Value > 1.01) == (target.Value > 1.01) && (a.Ratio.Value < 0.99) == (target.Value < 0.99) ? 0 : 1)
            .ThenBy(a => Math.Abs(Math.Log(a.Ratio.Value) - t))
            .First();
    }

    private static bool SameRatio(AspectRatio a, AspectRatio b) => Math.Abs(Math.Log(a.Value / b.Value)) < 0.01;

    private static string Orientation(AspectRatio r) => r.Value > 1.01 ? "landscape" : r.Value < 0.99 ? "portrait" : "square";

    private static void ResolutionNote(ModelEntry model, ResolutionTier tier, List<string> notes)
    {
        var preview = model.VendorResolution(ResolutionTier.Preview1K);
        var final = model.VendorResolution(ResolutionTier.Final2K);
        if (preview is not null && preview == final && model.Provider != ModelProvider.DirectRender)
        {
            notes.Add($"{model.DisplayName} has one output size ({preview}); 1k and 2k are the same");
        }
        else if (model.VendorResolution(tier) is { } value)
        {
            notes.Add($"{tier.Id()} is {value} on {model.DisplayName}");
        }
    }

    private static string GuideName(GuidePass pass) => pass.ToString().ToLowerInvariant();

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
