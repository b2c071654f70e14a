using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Previz.Core.Catalog;
using Previz.Core.Modes;
using Previz.Studio.Events;
using Previz.Studio.Gallery;
using Previz.Studio.Hosting;
using Previz.Studio.Images;
using Previz.Studio.Jobs;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Api;

/// <summary>The HTTP API under <c>/api</c> (minimal APIs; the OpenAPI document is at <c>/openapi/v1.json</c>).</summary>
public static class StudioApi
{
    public static IEndpointRouteBuilder MapStudioApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api");
        MapScenes(api.MapGroup("/scenes").WithTags("Scenes"));
        api.MapGroup("/scenes").WithTags("Compose").MapSceneEdits();
        api.MapGroup("/scenes").WithTags("Planning").MapPlanning();
        MapCatalog(api.MapGroup("/models").WithTags("Models"));
        MapGenerations(api.MapGroup("/generations").WithTags("Generations"));
        MapGallery(api.MapGroup("/gallery").WithTags("Gallery"));
        api.MapPost("/images", UploadImageAsync).WithTags("Images").WithSummary("Upload a reference image (PNG, JPEG or WebP).");
        api.MapGet("/images/{id}", (string id, ImageStore images) =>
            images.Find(id) is { } file ? Results.File(file.Path, file.ContentType) : NotFound("image", id))
            .WithTags("Images").WithSummary("An uploaded image (thumbnails of the visualizer's frame slots).");
        api.MapSceneExportApi();
        api.MapSequenceApi();
        api.MapCompareApi();
        api.MapGet("/events", StreamEventsAsync).WithTags("Events").WithSummary("Server-sent events: every generation state change.");
        return app;
    }

    private static void MapScenes(RouteGroupBuilder scenes)
    {
        scenes.MapPost("/", async (HttpContext context, SceneStore store, StudioOptions options, string? fileName, CancellationToken ct) =>
        {
            var content = await UploadReader.ReadAsync(context, options.SceneUploadLimitBytes, ct);
            if (content is null)
            {
                return UploadReader.TooLarge("Scene", options.SceneUploadLimitBytes);
            }

            var (record, read) = await store.AddAsync(content, fileName, ct);
            return Results.Created($"/api/scenes/{record.Id}", SceneDto.From(record, [.. read.Scene.Shots.Select(ShotDto.From)], [.. read.Warnings.Select(w => w.ToString())]));
        }).WithSummary("Upload a .previz.json scene or a binary glTF (.glb, told apart by content; request body; ?fileName= for display).").Produces<SceneDto>(201).ProducesValidationProblem();

        scenes.MapGet("/", async (SceneStore store, CancellationToken ct) => (await store.ListAsync(ct)).Select(s => SceneDto.From(s)))
            .WithSummary("List scenes (every version).");

        scenes.MapGet("/{id:guid}", async (Guid id, SceneStore store, HttpContext context, CancellationToken ct) =>
        {
            var record = await store.FindAsync(id, ct);
            if (record is null)
            {
                return NotFound("scene", id);
            }

            // The version edits are made against: send it back as If-Match with POST /api/scenes/{id}/edits.
            context.Response.Headers.ETag = SceneEditApi.ETagOf(record);
            var scene = await store.LoadAsync(record, ct);
            return Results.Ok(SceneDto.From(record, [.. scene.Shots.Select(ShotDto.From)]));
        }).WithSummary("Get a scene with its shots.").Produces<SceneDto>();

        scenes.MapGet("/{id:guid}/shots", async (Guid id, SceneStore store, CancellationToken ct) =>
        {
            var record = await store.FindAsync(id, ct);
            return record is null ? NotFound("scene", id) : Results.Ok((await store.LoadAsync(record, ct)).Shots.Select(ShotDto.From));
        }).WithSummary("The shots of a scene.");

        scenes.MapPost("/validate", async (HttpContext context, SceneStore store, StudioOptions options, string? fileName, CancellationToken ct) =>
        {
            var content = await UploadReader.ReadAsync(context, options.SceneUploadLimitBytes, ct);
            if (content is null)
            {
                return UploadReader.TooLarge("Scene", options.SceneUploadLimitBytes);
            }

            var read = store.ValidateUpload(content, fileName);
            return Results.Ok(new ValidationResultDto(true, read.Scene.Name, [.. read.Scene.Shots.Select(ShotDto.From)], [.. read.Warnings.Select(w => w.ToString())]));
        }).WithSummary("Validate a scene without storing it; errors name JSON paths.").ProducesValidationProblem();

        scenes.MapDelete("/{id:guid}", async (Guid id, SceneStore store, CancellationToken ct) =>
            await store.DeleteAsync(id, ct) ? Results.NoContent() : NotFound("scene", id)).WithSummary("Delete a scene version.");
    }

    private static void MapCatalog(RouteGroupBuilder models)
    {
        models.MapGet("/", (string? mode) =>
        {
            var catalog = ModelCatalog.Default;
            if (mode is null)
            {
                return Results.Ok(catalog.Models.Select(m => new ModelDto(m.Id, m.DisplayName, m.Provider.ToString().ToLowerInvariant(), m.IsAvailable, m.Availability.Reason, null)));
            }

            var parsed = VisualizerModes.All.FirstOrDefault(v => v.Id() == mode);
            if (!VisualizerModes.All.Any(v => v.Id() == mode))
            {
                throw new FieldException("mode", $"\"{mode}\" is not a mode; use {string.Join(", ", VisualizerModes.All.Select(v => v.Id()))}.");
            }

            return Results.Ok(catalog.ForMode(parsed).Select(l => new ModelDto(l.Model.Id, l.Model.DisplayName, l.Model.Provider.ToString().ToLowerInvariant(), l.IsAvailable, l.UnavailableReason, l.GuidanceText)));
        }).WithSummary("Hosted models, optionally only those that can do a visualizer mode.");
    }

    private static void MapGenerations(RouteGroupBuilder generations)
    {
        generations.MapPost("/", async (ChoicesBody request, GenerationService service, CancellationToken ct) =>
        {
            var sceneId = request.SceneId ?? throw new FieldException("sceneId", "Name the scene to generate from (sceneId).");
            var record = await service.CreateAsync(ChoiceParser.Parse(request, sceneId), ct);
            return Results.Accepted($"/api/generations/{record.Id}", GenerationDto.From(record));
        }).WithSummary("Start a generation: Direct Render (modelId absent or direct-render) or a hosted model.").Produces<GenerationDto>(202).ProducesValidationProblem();

        generations.MapGet("/", async (GenerationService service, string? state, int? skip, int? take, CancellationToken ct) =>
        {
            GenerationState? filter = null;
            if (state is not null)
            {
                filter = Enum.TryParse<GenerationState>(state, true, out var s) ? s : throw new FieldException("state", $"\"{state}\" is not a state; use {string.Join(", ", Enum.GetNames<GenerationState>().Select(n => n.ToLowerInvariant()))}.");
            }

            return (await service.ListAsync(filter, Math.Max(0, skip ?? 0), Math.Clamp(take ?? 100, 1, 1000), ct)).Select(GenerationDto.From);
        }).WithSummary("List generations, newest first.");

        generations.MapGet("/{id:guid}", async (Guid id, GenerationService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } g ? Results.Ok(GenerationDto.From(g)) : NotFound("generation", id)).Produces<GenerationDto>();

        generations.MapPost("/{id:guid}/cancel", async (Guid id, GenerationService service, CancellationToken ct) =>
            await service.CancelAsync(id, ct) is { } g ? Results.Ok(GenerationDto.From(g)) : NotFound("generation", id)).WithSummary("Cancel; reaches the vendor for hosted jobs.");

        generations.MapPost("/{id:guid}/retry", async (Guid id, GenerationService service, CancellationToken ct) =>
        {
            var previous = await service.FindAsync(id, ct);
            if (previous is null)
            {
                return NotFound("generation", id);
            }

            var next = await service.RetryAsync(previous, ct);
            return Results.Accepted($"/api/generations/{next.Id}", GenerationDto.From(next));
        }).WithSummary("Retry a failed or canceled generation as a new attempt linked to it.");
    }

    private static void MapGallery(RouteGroupBuilder gallery)
    {
        gallery.MapGet("/", async (GalleryService service, int? skip, int? take, CancellationToken ct) =>
            (await service.ListAsync(Math.Max(0, skip ?? 0), Math.Clamp(take ?? 100, 1, 1000), ct)).Select(GalleryItemDto.From)).WithSummary("Gallery items, newest first.");

        gallery.MapGet("/{id:guid}", async (Guid id, GalleryService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } item ? Results.Ok(GalleryItemDto.From(item)) : NotFound("gallery item", id)).Produces<GalleryItemDto>();

        gallery.MapDelete("/{id:guid}", async (Guid id, GalleryService service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) ? Results.NoContent() : NotFound("gallery item", id)).WithSummary("Delete an item: its record and its file.");

        gallery.MapGet("/{id:guid}/media", async (Guid id, GalleryService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } item
                ? Results.File(service.PathOf(item.MediaPath), item.ContentType, enableRangeProcessing: true)
                : NotFound("gallery item", id)).WithSummary("Stream the clip (supports Range requests).");

        gallery.MapGet("/{id:guid}/download", async (Guid id, GalleryService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { } item
                ? Results.File(service.PathOf(item.MediaPath), item.ContentType, item.DownloadName, enableRangeProcessing: true)
                : NotFound("gallery item", id)).WithSummary("Download the clip under a readable name.");

        gallery.MapGet("/{id:guid}/poster", async (Guid id, GalleryService service, CancellationToken ct) =>
            await service.FindAsync(id, ct) is { PosterPath: { } poster }
                ? Results.File(service.PathOf(poster), "image/jpeg")
                : NotFound("poster", id)).WithSummary("The clip's poster image.");

        gallery.MapPost("/{id:guid}/rerun", async (Guid id, GalleryService gallery, GenerationService service, CancellationToken ct) =>
        {
            var item = await gallery.FindAsync(id, ct);
            var generation = item is null ? null : await service.FindAsync(item.GenerationId, ct);
            if (generation is null)
            {
                return NotFound("gallery item", id);
            }

            var next = await service.RerunAsync(generation, ct);
            return Results.Accepted($"/api/generations/{next.Id}", GenerationDto.From(next));
        }).WithSummary("Run the item's recipe again as a new generation.");
    }

    private static async Task<IResult> UploadImageAsync(HttpContext context, ImageStore images, StudioOptions options, CancellationToken ct)
    {
        var content = await UploadReader.ReadAsync(context, options.ImageUploadLimitBytes, ct);
        if (content is null)
        {
            return UploadReader.TooLarge("Image", options.ImageUploadLimitBytes);
        }

        var stored = await images.AddAsync(content, ct);
        return Results.Created($"/api/images/{stored.Id}", new { id = stored.Id, contentType = stored.ContentType, length = stored.Length });
    }

    private static async Task StreamEventsAsync(HttpContext context, GenerationEvents events, CancellationToken ct)
    {
        context.Response.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        // Subscribed before ": connected" is sent, so a client that saw it misses nothing after it.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var changes = events.SubscribeAsync(stop.Token).GetAsyncEnumerator(stop.Token);
        var next = changes.MoveNextAsync().AsTask();
        try
        {
            await context.Response.WriteAsync(": connected\n\n", ct);
            await context.Response.Body.FlushAsync(ct);
            while (await next)
            {
                await context.Response.WriteAsync($"event: generation\ndata: {JsonSerializer.Serialize(changes.Current, StudioJson.Options)}\n\n", ct);
                await context.Response.Body.FlushAsync(ct);
                next = changes.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException)
        {
            // The client went away.
        }
        finally
        {
            // An enumerator may only be disposed once its pending read has ended.
            await stop.CancelAsync();
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            await changes.DisposeAsync();
        }
    }

    private static IResult NotFound(string what, object id) =>
        Results.Problem(title: "Not found.", detail: $"There is no {what} {id}.", statusCode: StatusCodes.Status404NotFound);
}
