using System.Globalization;
using Previz.Core;
using Previz.Core.Catalog;
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
        var candidates = spec.Scene.Objects
            .Select((o, i) => (Object: o, Index: i))
            .Where(x => x.Object.References.Count > 0)
            .OrderBy(x => x.Object.Hero ? 0 : 1)
            .ThenBy(x => x.Index)
            .Select(x => x.Object)
            .ToList();
        var decisions = new List<ReferenceDecision>();
        if (candidates.Count == 0)
        {
            return (decisions, [], null);
        }

        var support = model.Inputs.ReferenceImages;
        string? refusal = null;
        VendorEndpoint? switchTo = null;
        if (endpoint is null)
        {
            refusal = "Direct Render draws the objects from the scene; it uses no pictures";
        }
        else if (!spec.SendReferences)
        {
            refusal = "object references were turned off for this generation";
        }
        else if (support is null)
        {
            refusal = $"{model.DisplayName} takes no object references";
        }
        else if (support.Endpoint is { } other && other != endpoint.Id)
        {
            if (spec.UseReferenceEndpoint)
            {
                switchTo = new VendorEndpoint(other, endpoint.Fields with
                {
                    StartImage = null,
                    StartImageIsList = false,
                    EndImage = null,
                    Keyframes = null,
                    KeyframeIndexes = null,
                });
            }
            else
            {
                refusal = $"{model.DisplayName} takes references only on {other}, which takes no start frame; ask for that endpoint (previz generate --references) to send them instead of frames";
            }
        }

        if (refusal is not null)
        {
            decisions.AddRange(candidates.SelectMany(o => o.References.Select(r => Decision(o, r, false, refusal))));
            return (decisions, [], null);
        }

        var limits = support!;
        var elements = limits.Layout == ReferenceLayout.Elements;
        var sent = new List<ObjectReferences>();
        var pictures = 0;
        foreach (var obj in candidates)
        {
            var images = new List<FittedImage>();
            foreach (var reference in obj.References)
            {
                string? reason = null;
                if (elements && sent.Count >= limits.MaxCount)
                {
                    reason = string.Create(CultureInfo.InvariantCulture, $"over {model.DisplayName}'s limit of {limits.MaxCount} objects with references");
                }
                else if (elements && limits.MaxImagesPerObject is { } perObject && images.Count >= perObject)
                {
                    reason = string.Create(CultureInfo.InvariantCulture, $"over {model.DisplayName}'s limit of {perObject} pictures per object");
                }
                else if (!elements && pictures >= limits.MaxCount)
                {
                    reason = string.Create(CultureInfo.InvariantCulture, $"over {model.DisplayName}'s limit of {limits.MaxCount} reference images");
                }

                if (reason is null)
                {
                    var path = Path.IsPathRooted(reference.Path) ? reference.Path : Path.GetFullPath(Path.Combine(spec.SceneFolder ?? Directory.GetCurrentDirectory(), reference.Path));
                    if (!File.Exists(path))
                    {
                        reason = "file not found";
                    }
                    else
                    {
                        try
                        {
                            var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
                            images.Add(ImageFitter.FitReference(bytes, ImageFitter.MaxReferenceEdge, model.Inputs.MaxImageBytes, reference.Path));
                            pictures++;
                        }
                        catch (UserErrorException e)
                        {
                            reason = e.Message;
                        }
                    }
                }

                decisions.Add(Decision(obj, reference, reason is null, reason));
            }

            if (images.Count > 0)
            {
                sent.Add(new ObjectReferences(obj.Id, obj.DisplayName, obj.Hero, images));
            }
        }

        return (decisions, sent, sent.Count > 0 ? switchTo : null);
    }

    private static ReferenceDecision Decision(SceneObject o, ImageReference r, bool sent, string? reason) =>
        new(o.Id, o.DisplayName, o.Hero, r.Path, r.View, sent, reason);
}
