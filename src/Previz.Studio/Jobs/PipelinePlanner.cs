using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Previz.Core.Catalog;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Studio.Hosting;
using Previz.Studio.Planning;

namespace Previz.Studio.Jobs;

/// <summary>
/// Plans hosted generations with the generation pipeline (<see cref="GenerationPlanner"/>): options checked against
/// the catalog, priced and held to the budget, the key checked, the prompt written, frames rendered or read and fitted,
/// the vendor request built. The pictures it sends are stored content-addressed under the data folder's
/// <c>images/</c>, because the job that submits them runs later, possibly in another process.
/// </summary>
public sealed class PipelinePlanner : IHostedGenerationPlanner
{
    private readonly ShotPlanningService _planning;
    private readonly GenerationPlanner _planner;
    private readonly DataFolder _folder;

    public PipelinePlanner(ShotPlanningService planning, GenerationPlanner planner, DataFolder folder)
    {
        _planning = planning;
        _planner = planner;
        _folder = folder;
    }

    public async Task<HostedPlan> PlanAsync(HostedGenerationInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var spec = await _planning.SpecAsync(input, cancellationToken);
        var plan = await _planner.PlanAsync(spec, cancellationToken);
        var request = plan.Request ?? throw new InvalidOperationException($"{plan.Model.Id} was planned without a vendor request.");

        var files = new List<StoredInputFile>(request.Files.Count);
        foreach (var file in request.Files)
        {
            files.Add(new StoredInputFile(file.Name, file.ContentType, await StoreAsync(file, cancellationToken), file.TargetField, file.Transport));
        }

        var stored = new StoredHostedRequest(request.Provider, request.Endpoint, request.Body) { Files = files };
        return new HostedPlan(stored, Options(plan, input), Prompt(plan, input), plan.Estimate.Total, plan.Options.OutputSeconds)
        {
            Details = Details(plan),
        };
    }

    /// <summary>The resolved options, and the options as asked (a rerun starts from those, so it plans the same way).</summary>
    private static JsonObject Options(GenerationPlan plan, HostedGenerationInput input)
    {
        var o = plan.Options;
        return new JsonObject
        {
            ["duration"] = o.ClipSeconds,
            ["outputSeconds"] = o.OutputSeconds,
            ["trimmed"] = o.Trimmed,
            ["aspect"] = o.VendorAspect?.Value ?? o.OutputAspect.ToString(),
            ["resolution"] = o.Resolution.Id(),
            ["vendorResolution"] = o.VendorResolution,
            ["audio"] = o.Audio,
            ["startFrame"] = plan.Inputs.FirstOrDefault(i => i.Role is "start-frame" or "keyframe")?.Source,
            ["endFrame"] = plan.Inputs.FirstOrDefault(i => i.Role == "end-frame")?.Source,
            ["requested"] = input.Options?.DeepClone() ?? new JsonObject(),
        };
    }

    /// <summary>The final prompt, its parts, what was edited or dropped, and the overrides as asked.</summary>
    private static JsonObject Prompt(GenerationPlan plan, HostedGenerationInput input)
    {
        var prompt = JsonSerializer.SerializeToNode(plan.Provenance.Prompt, StudioJson.Options)!.AsObject();
        prompt["requested"] = input.Prompt?.DeepClone() ?? new JsonObject();
        return prompt;
    }

    private static JsonObject Details(GenerationPlan plan) => new()
    {
        ["vendorEndpoint"] = plan.VendorEndpoint,
        ["estimate"] = JsonSerializer.SerializeToNode(plan.Estimate, StudioJson.Options),
        ["notes"] = JsonSerializer.SerializeToNode(plan.Notes, StudioJson.Options),
        ["inputs"] = JsonSerializer.SerializeToNode(plan.Inputs, StudioJson.Options),
        ["references"] = JsonSerializer.SerializeToNode(plan.References, StudioJson.Options),
    };

    private async Task<string> StoreAsync(HostedInputFile file, CancellationToken cancellationToken)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(file.Content.Span));
        var extension = file.ContentType == "image/jpeg" ? "jpg" : file.ContentType == "image/webp" ? "webp" : "png";
        var path = Path.Combine(_folder.Images, $"{hash}.{extension}");
        if (!File.Exists(path))
        {
            var temp = Path.Combine(_folder.Temp, $"{Guid.NewGuid():N}.frame");
            await File.WriteAllBytesAsync(temp, file.Content, cancellationToken);
            File.Move(temp, path, overwrite: true);
        }

        return _folder.Relative(path);
    }
}
