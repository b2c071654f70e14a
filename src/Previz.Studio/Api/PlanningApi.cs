using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;

namespace Previz.Studio.Api;

/// <summary>
/// What to ask before generating a shot, under <c>/api/scenes/{id}</c>: a model's options for the shot, the prompt
/// preview, the cost estimate with the budget left, and Direct Render stills. All of it is <see cref="ShotPlanningService"/>.
/// </summary>
public static class PlanningApi
{
    public static RouteGroupBuilder MapPlanning(this RouteGroupBuilder scenes)
    {
        ArgumentNullException.ThrowIfNull(scenes);
        scenes.MapGet("/{id:guid}/shots/{shotId}/options", async (Guid id, string shotId, string? mode, string? model, SceneStore store, ShotPlanningService planning, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, ct) is null)
            {
                return SceneNotFound(id);
            }

            var modelId = string.IsNullOrWhiteSpace(model) ? throw new FieldException("model", "Name the model (?model=…); GET /api/models lists them.") : model;
            return Results.Ok(await planning.OptionsAsync(new ShotOptionsQuery(id, shotId, mode, modelId), ct));
        }).WithSummary("What a model supports for this shot in a mode: durations, orientations, audio (or why not), resolutions, defaults, notes.")
            .Produces<ShotOptions>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        scenes.MapPost("/{id:guid}/prompt", async (Guid id, ChoicesBody body, SceneStore store, ShotPlanningService planning, CancellationToken ct) =>
            await store.FindAsync(id, ct) is null
                ? SceneNotFound(id)
                : Results.Ok(await planning.PromptAsync(ChoiceParser.Parse(body, id), ct)))
            .WithSummary("Prompt preview: the Scene, Style and Lighting parts (with your overrides) and the assembled prompt for the mode, model and shot.")
            .Produces<PromptPreview>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        scenes.MapPost("/{id:guid}/estimate", async (Guid id, ChoicesBody body, SceneStore store, ShotPlanningService planning, CancellationToken ct) =>
            await store.FindAsync(id, ct) is null
                ? SceneNotFound(id)
                : Results.Ok(await planning.EstimateAsync(ChoiceParser.Parse(body, id), ct)))
            .WithSummary("The cost of exactly these choices, with its breakdown and the budget left (Studio:BudgetUsd).")
            .Produces<CostQuote>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        scenes.MapGet("/{id:guid}/shots/{shotId}/still", async (Guid id, string shotId, double? t, string? pass, string? resolution, SceneStore store, ShotPlanningService planning, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, ct) is null)
            {
                return SceneNotFound(id);
            }

            var still = await planning.StillAsync(new StillRequest(id, shotId, t ?? 0, pass, resolution), ct);
            return Results.File(still.Path, "image/png");
        }).WithSummary("A Direct Render PNG of the shot t seconds in (pass wireframe|shaded|depth, resolution 1k|2k); cached.")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);

        scenes.MapGet("/{id:guid}/shots/{shotId}/guide", async (Guid id, string shotId, string? model, double? duration, string? aspect, string? resolution, bool? acceptDurationCap, SceneStore store, ShotPlanningService planning, CancellationToken ct) =>
        {
            if (await store.FindAsync(id, ct) is null)
            {
                return SceneNotFound(id);
            }

            var options = new System.Text.Json.Nodes.JsonObject();
            if (duration is { } d)
            {
                options["duration"] = d;
            }

            if (aspect is not null)
            {
                options["aspect"] = aspect;
            }

            if (resolution is not null)
            {
                options["resolution"] = resolution;
            }

            if (acceptDurationCap is true)
            {
                options["acceptDurationCap"] = true;
            }

            var choices = ChoiceParser.Parse(new ChoicesBody(id, shotId, "from-animation", model, options, null, null), id);
            var guide = await planning.GuideAsync(choices, render: true, ct);
            return Results.File(guide.Path!, "video/mp4", enableRangeProcessing: true);
        }).WithSummary("The guide video (depth, shaded or wireframe pass) that From Animation would send this model for the shot, as MP4; cached.")
            .Produces(StatusCodes.Status200OK, contentType: "video/mp4").ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return scenes;
    }

    private static IResult SceneNotFound(Guid id) =>
        Results.Problem(title: "Not found.", detail: $"There is no scene {id}.", statusCode: StatusCodes.Status404NotFound);
}
