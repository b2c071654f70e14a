using System.Globalization;
using Previz.Core;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Core.Scenes;
using Previz.Providers.Inputs;
using Previz.Providers.Requests;

namespace Previz.Providers.Generation;

/// <summary>
/// Chooses which objects' reference pictures a request sends: hero objects first (in scene order), then the others;
/// within the model's limits (pictures in all, or objects and pictures per object); every picture is either sent or
/// dropped with a reason. Pictures are scaled to <see cref="ImageFitter.MaxReferenceEdge"/> and the model's byte limit.
/// </summary>
internal static class ReferenceSelection
{
    public static async Task<(IReadOnlyList<ReferenceDecision> Decisions, IReadOnlyList<ObjectReferences> Sent, VendorEndpoint? SwitchTo)> SelectAsync(
        GenerationSpec spec, ModelEntry model, VendorEndpoint? endpoint, CancellationToken cancellationToken)
    {
        var candidates = Candidates(spec.Scene);
        if (candidates.Count == 0)
        {
            return ([], [], null);
        }

        var (refusal, switchTo) = Refusal(spec, model, endpoint);
        if (refusal is not null)
        {
            return ([.. candidates.SelectMany(o => o.References.Select(r => Decision(o, r, false, refusal)))], [], null);
        }

        var (decisions, sent) = await WithinLimitsAsync(spec, model, model.Inputs.ReferenceImages!, candidates, cancellationToken);
        return (decisions, sent, sent.Count > 0 ? switchTo : null);
    }

    /// <summary>The objects with pictures: heroes first, each group in scene order.</summary>
    private static List<SceneObject> Candidates(SceneDocument scene) =>
        [.. scene.Objects
            .Select((o, i) => (Object: o, Index: i))
            .Where(x => x.Object.References.Count > 0)
            .OrderBy(x => x.Object.Hero ? 0 : 1)
            .ThenBy(x => x.Index)
            .Select(x => x.Object)];

    /// <summary>Why no reference can be sent (null: they can), and the reference endpoint to move to where the model needs one.</summary>
    private static (string? Refusal, VendorEndpoint? SwitchTo) Refusal(GenerationSpec spec, ModelEntry model, VendorEndpoint? endpoint)
    {
        var support = model.Inputs.ReferenceImages;
        if (endpoint is null)
        {
            return ("Direct Render draws the objects from the scene; it uses no pictures", null);
        }

        if (!spec.SendReferences)
        {
            return ("object references were turned off for this generation", null);
        }

        if (support is null)
        {
            return ($"{model.DisplayName} takes no object references", null);
        }

        if (support.Endpoint is { } other && other != endpoint.Id)
        {
            // The guide is what From Animation sends a guide model: its motion is not traded for pictures.
            if (spec.Mode == VisualizerMode.FromAnimation && model.Inputs.GuideVideo is not null)
            {
                return ($"{model.DisplayName} takes references only on {other}, which takes no guide video; From Animation sends the guide", null);
            }

            return spec.UseReferenceEndpoint
                ? (null, FramelessEndpoint(other, endpoint))
                : ($"{model.DisplayName} takes references only on {other}, which takes no start frame; ask for that endpoint (previz generate --references) to send them instead of frames", null);
        }

        return (null, null);
    }

    /// <summary>The reference endpoint <paramref name="id"/>: the fields of <paramref name="endpoint"/>, but none for frames, which it does not take.</summary>
    private static VendorEndpoint FramelessEndpoint(string id, VendorEndpoint endpoint) =>
        new(id, endpoint.Fields with
        {
            StartImage = null,
            StartImageIsList = false,
            EndImage = null,
            Keyframes = null,
            KeyframeIndexes = null,
        });

    /// <summary>Fits the candidates' pictures in order until the model's limits are reached; each picture is sent or dropped with a reason.</summary>
    private static async Task<(List<ReferenceDecision> Decisions, List<ObjectReferences> Sent)> WithinLimitsAsync(
        GenerationSpec spec, ModelEntry model, ReferenceImageSupport limits, List<SceneObject> candidates, CancellationToken cancellationToken)
    {
        var decisions = new List<ReferenceDecision>();
        var sent = new List<ObjectReferences>();
        var pictures = 0;
        foreach (var obj in candidates)
        {
            var images = new List<FittedImage>();
            foreach (var reference in obj.References)
            {
                var reason = OverLimit(model, limits, sent.Count, images.Count, pictures);
                if (reason is null)
                {
                    (var image, reason) = await FitAsync(spec, model, reference, cancellationToken);
                    if (image is not null)
                    {
                        images.Add(image);
                        pictures++;
                    }
                }

                decisions.Add(Decision(obj, reference, reason is null, reason));
            }

            if (images.Count > 0)
            {
                sent.Add(new ObjectReferences(obj.Id, obj.DisplayName, obj.Hero, images));
            }
        }

        return (decisions, sent);
    }

    /// <summary>
    /// Element layouts limit objects and pictures per object; a flat list limits pictures in all. Null: within the limits.
    /// </summary>
    private static string? OverLimit(ModelEntry model, ReferenceImageSupport limits, int objectsSent, int objectPictures, int pictures)
    {
        var elements = limits.Layout == ReferenceLayout.Elements;
        if (elements && objectsSent >= limits.MaxCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"over {model.DisplayName}'s limit of {limits.MaxCount} objects with references");
        }

        if (elements && limits.MaxImagesPerObject is { } perObject && objectPictures >= perObject)
        {
            return string.Create(CultureInfo.InvariantCulture, $"over {model.DisplayName}'s limit of {perObject} pictures per object");
        }

        if (!elements && pictures >= limits.MaxCount)
        {
            return string.Create(CultureInfo.InvariantCulture, $"over {model.DisplayName}'s limit of {limits.MaxCount} reference images");
        }

        return null;
    }

    /// <summary>The picture fitted for sending, or why it cannot be: a missing or unreadable file is dropped, not an error.</summary>
    private static async Task<(FittedImage? Image, string? Reason)> FitAsync(
        GenerationSpec spec, ModelEntry model, ImageReference reference, CancellationToken cancellationToken)
    {
        var path = spec.FullPath(reference.Path);
        if (!File.Exists(path))
        {
            return (null, "file not found");
        }

        try
        {
            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
            return (ImageFitter.FitReference(bytes, ImageFitter.MaxReferenceEdge, model.Inputs.MaxImageBytes, reference.Path), null);
        }
        catch (UserErrorException e)
        {
            return (null, e.Message);
        }
    }

    private static ReferenceDecision Decision(SceneObject o, ImageReference r, bool sent, string? reason) =>
        new(o.Id, o.DisplayName, o.Hero, r.Path, r.View, sent, reason);
}
