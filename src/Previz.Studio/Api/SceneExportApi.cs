using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Previz.Import.Writing;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Scenes;

namespace Previz.Studio.Api;

/// <summary>Meshes for scenes (<c>POST /api/meshes</c>) and a scene as GLB (<c>GET /api/scenes/{id}/export.glb</c>).</summary>
public static class SceneExportApi
{
    /// <summary>The registered media type of binary glTF (glTF 2.0 specification, "Media Type Registrations").</summary>
    public const string GlbMediaType = "model/gltf-binary";

    public static IEndpointRouteBuilder MapSceneExportApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/meshes", UploadMeshAsync)
            .WithName("UploadMesh").WithTags("Meshes")
            .WithSummary("Upload a mesh (.glb, request body; ?fileName= names it). Answers the path a scene object's \"mesh\" field takes.")
            .ProducesValidationProblem();
        api.MapGet("/scenes/{id:guid}/export.glb", ExportSceneAsync)
            .WithName("ExportScene").WithTags("Scenes")
            .WithSummary("Download the scene as GLB: hierarchy, meshes, cameras and animation; Previz imports it back to the same scene.");
        return api;
    }

    public static async Task<Results<Created<MeshDto>, ProblemHttpResult>> UploadMeshAsync(HttpContext context, MeshStore meshes, StudioOptions options, string? fileName, CancellationToken ct)
    {
        var content = await UploadReader.ReadAsync(context, options.SceneUploadLimitBytes, ct);
        if (content is null)
        {
            return (ProblemHttpResult)UploadReader.TooLarge("Scene", options.SceneUploadLimitBytes);
        }

        var stored = await meshes.AddAsync(content, fileName, ct);
        return TypedResults.Created((string?)null, MeshDto.From(stored));
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportSceneAsync(Guid id, SceneStore scenes, CancellationToken ct)
    {
        var record = await scenes.FindAsync(id, ct);
        if (record is null)
        {
            return TypedResults.Problem(title: "Not found.", detail: $"There is no scene {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        var scene = await scenes.LoadAsync(record, ct);
        var name = DownloadNames.Slug(record.Name) is { Length: > 0 } slug ? slug : "scene";
        return TypedResults.File(SceneGlb.Write(scene, SceneGlbContent.Full), GlbMediaType, $"{name}.glb");
    }
}
