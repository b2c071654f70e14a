using System.Security.Cryptography;
using Previz.Core.Scenes;
using Previz.Providers.Generation;
using Previz.Providers.Hosting;
using Previz.Studio.Hosting;
using Previz.Studio.Planning;

namespace Previz.Studio.Jobs;

/// <summary>
/// Plans every generation, Direct Render and hosted alike, with the generation pipeline (<see cref="GenerationPlanner"/>):
/// options checked against the catalog, priced and held to the budget, the key checked, the prompt written, frames
/// rendered or read and fitted, the vendor request built. The pictures a request sends are stored content-addressed
/// under the data folder's <c>images/</c>, because the job that submits them runs later, possibly in another process.
/// </summary>
public sealed class PipelinePlanner
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

    /// <exception cref="Previz.Core.UserErrorException">The choices cannot be served (unknown model, unsupported option, missing key, budget).</exception>
    public async Task<StoredPlan> PlanAsync(ShotChoices choices, SceneDocument scene, string? sceneHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var spec = await _planning.SpecAsync(choices, scene, cancellationToken) with { SceneContentHash = sceneHash };
        var plan = await _planner.PlanAsync(spec, cancellationToken);
        StoredHostedRequest? stored = null;
        if (plan.Request is { } request)
        {
            var files = new List<StoredInputFile>(request.Files.Count);
            foreach (var file in request.Files)
            {
                files.Add(new StoredInputFile(file.Name, file.ContentType, await StoreAsync(file, cancellationToken), file.TargetField, file.Transport));
            }

            stored = new StoredHostedRequest(request.Provider, request.Endpoint, request.Body) { Files = files };
        }

        return new StoredPlan { Choices = choices, Provenance = plan.Provenance, Request = stored, DirectRender = plan.DirectRender };
    }

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
