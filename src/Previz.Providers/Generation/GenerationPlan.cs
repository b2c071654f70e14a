using System.Globalization;
using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Prompting;
using Previz.Core.Scenes;
using Previz.Providers.Hosting;
using Previz.Providers.Http;

namespace Previz.Providers.Generation;

/// <summary>
/// A checked, priced generation ready to run: the resolved options, the prompt as sent, the estimate, the vendor
/// request (null for Direct Render), the pictures sent, the references sent and dropped, and the provenance record.
/// </summary>
public sealed record GenerationPlan
{
    public required GenerationSpec Spec { get; init; }

    public required ModelEntry Model { get; init; }

    public required Shot Shot { get; init; }

    public VisualizerMode Mode => Options.Mode;

    public required ResolvedOptions Options { get; init; }

    public required ComposedPrompt Prompt { get; init; }

    public required PromptDraft PromptParts { get; init; }

    public required CostEstimate Estimate { get; init; }

    /// <summary>The vendor request; null when Direct Render makes the result here.</summary>
    public HostedRequest? Request { get; init; }

    /// <summary>What Direct Render makes; null for a hosted model.</summary>
    public DirectRenderSettings? DirectRender { get; init; }

    /// <summary>The catalog endpoint id (e.g. <c>fal-ai/veo3.1/image-to-video</c>); null for Direct Render.</summary>
    public string? VendorEndpoint { get; init; }

    public IReadOnlyList<PlannedInput> Inputs { get; init; } = [];

    /// <summary>The guide video sent; null when none.</summary>
    public PlannedGuide? Guide { get; init; }

    public IReadOnlyList<ReferenceDecision> References { get; init; } = [];

    /// <summary>Decisions and things the endpoint could not take, for the user.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    public required GenerationProvenance Provenance { get; init; }

    public bool IsDirectRender => Request is null;

    /// <summary>What the result must be.</summary>
    public ExpectedMedia ExpectedMedia => Mode == VisualizerMode.Image ? ExpectedMedia.Image : ExpectedMedia.Video;

    /// <summary>
    /// The exact body the vendor will receive, with each picture shown as a placeholder
    /// (<c>&lt;upload start.png: image/png 1280×720, 412345 bytes&gt;</c>) where the client will put its URL. No key is in it.
    /// </summary>
    public JsonObject? PreviewBody()
    {
        if (Request is null)
        {
            return null;
        }

        var body = (JsonObject)Request.Body.DeepClone();
        foreach (var file in Request.Files)
        {
            var input = Inputs.FirstOrDefault(i => i.Field == file.TargetField);
            var size = input is not null ? string.Create(CultureInfo.InvariantCulture, $" {input.Width}×{input.Height}")
                : Guide is { } g && g.Field == file.TargetField ? string.Create(CultureInfo.InvariantCulture, $" {g.Width}×{g.Height}, {g.Frames} frames at {g.Fps} fps")
                : "";
            var how = file.Transport switch
            {
                InputFileTransport.Upload => "upload",
                InputFileTransport.DataUri => "data URI of",
                _ => "base64 of",
            };
            var placeholder = string.Create(CultureInfo.InvariantCulture, $"<{how} {file.Name}: {file.ContentType}{size}, {file.Content.Length} bytes>");
            JsonPointer.Set(body, file.TargetField, file.Transport == InputFileTransport.InlineMedia
                ? InputFileWriter.InlineMedia(placeholder, file.ContentType)
                : JsonValue.Create(placeholder));
        }

        return body;
    }
}
