using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Previz.Core.Editing;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Api;

/// <summary>
/// Authoring over HTTP: a new scene, a batch of edits stored as a new version (optimistic: <c>If-Match</c> names the
/// version the edits were made against), and the document itself.
/// </summary>
public static class SceneEditApi
{
    public static RouteGroupBuilder MapSceneEdits(this RouteGroupBuilder scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        scenes.MapPost("/new", CreateAsync).WithName("CreateScene")
            .WithSummary("Create a scene to compose in: a ground plane, one camera and one 5 s shot.").Produces<SceneDto>(201);
        scenes.MapPost("/{id:guid}/edits", ApplyEditsAsync).WithName("EditScene")
            .WithSummary("Apply a batch of edit operations and store the result as a new version. Send If-Match with the version the edits were made against; 409 when a newer version exists, 400 naming the operation and field when one is refused (nothing is applied).")
            .Accepts<SceneEditsBody>("application/json").Produces<SceneDto>(201).ProducesValidationProblem().ProducesProblem(409).ProducesProblem(428);
        scenes.MapGet("/{id:guid}/document", DocumentAsync).WithName("SceneDocument")
            .WithSummary("The scene version's .previz.json document (or its .glb as uploaded).");
        return scenes;
    }

    private static async Task<IResult> CreateAsync(NewSceneBody? body, SceneStore store, HttpContext context, CancellationToken ct)
    {
        var record = await store.CreateAsync(body?.Name ?? string.Empty, ct);
        var scene = await store.LoadAsync(record, ct);
        context.Response.Headers.ETag = ETagOf(record);
        return Results.Created($"/api/scenes/{record.Id}", SceneDto.From(record, [.. scene.Shots.Select(ShotDto.From)]));
    }

    private static async Task<IResult> ApplyEditsAsync(Guid id, SceneEditsBody body, SceneStore store, HttpContext context, CancellationToken ct)
    {
        var record = await store.FindAsync(id, ct);
        if (record is null)
        {
            return Results.Problem(title: "Not found.", detail: $"There is no scene {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrWhiteSpace(ifMatch))
        {
            return Results.Problem(
                title: "If-Match is required.",
                detail: $"Send If-Match: {ETagOf(record)} (the version your edits were made against), so edits made against an older version are never stored over a newer one.",
                statusCode: StatusCodes.Status428PreconditionRequired);
        }

        var latest = await store.LatestAsync(record.Name, ct) ?? record;
        if (!Matches(ifMatch, record) || latest.Id != record.Id)
        {
            return Conflict(record, latest, ifMatch);
        }

        if (record.Format != SceneStore.JsonFormat)
        {
            throw new FieldException("id", $"Scene \"{record.Name}\" v{record.Version} is a glTF file; edits apply to .previz.json scenes.");
        }

        var content = await store.ReadContentAsync(record, ct);
        var edited = SceneEditor.Apply(content, body.Operations ?? [], store.ReadOptions);
        var (stored, _) = await store.AddAsync(edited.Document, record.OriginalFileName, ct);
        context.Response.Headers.ETag = ETagOf(stored);
        var dto = SceneDto.From(stored, [.. edited.Scene.Shots.Select(ShotDto.From)], [.. edited.Warnings.Select(w => w.ToString())]);
        return stored.Id == record.Id ? Results.Ok(dto) : Results.Created($"/api/scenes/{stored.Id}", dto);
    }

    private static async Task<IResult> DocumentAsync(Guid id, SceneStore store, CancellationToken ct)
    {
        var record = await store.FindAsync(id, ct);
        if (record is null)
        {
            return Results.Problem(title: "Not found.", detail: $"There is no scene {id}.", statusCode: StatusCodes.Status404NotFound);
        }

        var content = await store.ReadContentAsync(record, ct);
        var type = record.Format == SceneStore.GlbFormat ? "model/gltf-binary" : "application/json";
        return Results.File(content, type, record.OriginalFileName);
    }

    /// <summary>A version's entity tag: its version number, quoted.</summary>
    public static string ETagOf(SceneRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return $"\"{record.Version.ToString(CultureInfo.InvariantCulture)}\"";
    }

    private static bool Matches(string ifMatch, SceneRecord record) =>
        ifMatch.Split(',').Select(t => t.Trim()).Any(t => t == "*" || t == ETagOf(record) || t == $"W/{ETagOf(record)}" || t == record.Version.ToString(CultureInfo.InvariantCulture));

    private static IResult Conflict(SceneRecord record, SceneRecord latest, string ifMatch)
    {
        var detail = latest.Id != record.Id
            ? $"\"{record.Name}\" has a newer version than v{record.Version}: v{latest.Version} ({latest.Id}). Nothing was applied; apply your edits to v{latest.Version}."
            : $"If-Match {ifMatch} does not name v{record.Version} of \"{record.Name}\", which is its newest version. Nothing was applied.";
        return Results.Problem(
            title: "The scene has changed.",
            detail: detail,
            statusCode: StatusCodes.Status409Conflict,
            extensions: new Dictionary<string, object?> { ["latestId"] = latest.Id, ["latestVersion"] = latest.Version });
    }
}
