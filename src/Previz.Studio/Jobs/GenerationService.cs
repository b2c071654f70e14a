using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Previz.Core;
using Previz.Core.Modes;
using Previz.Rendering.Framing;
using Previz.Rendering.Rasterizing;
using Previz.Studio.Api;
using Previz.Studio.Events;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Scenes;

namespace Previz.Studio.Jobs;

/// <summary>Creates, lists, cancels and retries generations for the API and the studio.</summary>
public sealed class GenerationService
{
    /// <summary>The mode and model id of a Direct Render.</summary>
    public const string DirectRender = "direct-render";

    private readonly StudioDatabase _database;
    private readonly SceneStore _scenes;
    private readonly JobScheduler _scheduler;
    private readonly IHostedGenerationPlanner _planner;
    private readonly CreateLimiter _limiter;
    private readonly GenerationChangeLog _changes;
    private readonly StudioOptions _options;
    private readonly TimeProvider _time;

    public GenerationService(
        StudioDatabase database,
        SceneStore scenes,
        JobScheduler scheduler,
        IHostedGenerationPlanner planner,
        CreateLimiter limiter,
        GenerationChangeLog changes,
        StudioOptions options,
        TimeProvider time)
    {
        _database = database;
        _scenes = scenes;
        _scheduler = scheduler;
        _planner = planner;
        _limiter = limiter;
        _changes = changes;
        _options = options;
        _time = time;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Validates a request, stores the generation as <see cref="GenerationState.Queued"/> and queues its first step, once
    /// the <see cref="CreateLimiter"/> has a slot.
    /// </summary>
    public Task<GenerationRecord> CreateAsync(CreateGeneration request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _limiter.RunAsync(() => CreateNowAsync(request, cancellationToken), cancellationToken);
    }

    private async Task<GenerationRecord> CreateNowAsync(CreateGeneration request, CancellationToken cancellationToken)
    {
        var sceneRecord = await _scenes.FindAsync(request.SceneId, cancellationToken)
            ?? throw new FieldException("sceneId", $"There is no scene {request.SceneId}.");
        var scene = await _scenes.LoadAsync(sceneRecord, cancellationToken);
        var shot = scene.FindShot(request.ShotId) ?? throw new FieldException("shotId", request.ShotId is null
            ? "The scene has no shots."
            : $"The scene has no shot \"{request.ShotId}\"; it has {string.Join(", ", scene.Shots.Select(s => s.Id))}.");
        var now = Now;
        var record = new GenerationRecord
        {
            Id = Guid.NewGuid(),
            State = GenerationState.Queued,
            SceneId = sceneRecord.Id,
            SceneHash = sceneRecord.ContentHash,
            SceneName = sceneRecord.Name,
            ShotId = shot.Id,
            Mode = request.Mode ?? (request.ModelId is null or DirectRender ? DirectRender : VisualizerModes.Default.Id()),
            ModelId = request.ModelId ?? DirectRender,
            Seed = request.Seed,
            Duration = shot.Duration,
            RetryOfId = request.RetryOf,
            Attempt = request.Attempt,
            CreatedAt = now,
            UpdatedAt = now,
        };

        if (record.ModelId == DirectRender)
        {
            record.Kind = GenerationKind.DirectRender;
            record.Mode = DirectRender;
            var pass = (string?)request.Options?["pass"] ?? "shaded";
            var resolution = (string?)request.Options?["resolution"] ?? "1k";
            if (!RenderPasses.TryParse(pass, out _))
            {
                throw new FieldException("options.pass", $"\"{pass}\" is not a pass; use {string.Join(", ", RenderPasses.Names)}.");
            }

            if (!ResolutionPresets.TryParse(resolution, out _))
            {
                throw new FieldException("options.resolution", $"\"{resolution}\" is not a resolution; use {string.Join(", ", ResolutionPresets.Names)}.");
            }

            record.OptionsJson = new JsonObject { ["pass"] = pass, ["resolution"] = resolution }.ToJsonString();
            record.EstimatedCostUsd = 0;
        }
        else
        {
            record.Kind = GenerationKind.Hosted;
            HostedPlan plan;
            if (request.HostedRequest is not null)
            {
                if (!_options.AllowRawHostedRequests)
                {
                    throw new FieldException("hostedRequest", "Raw vendor requests are turned off (Studio:AllowRawHostedRequests).");
                }

                plan = new HostedPlan(request.HostedRequest, request.Options ?? [], request.Prompt, request.EstimatedCostUsd, shot.Duration);
            }
            else
            {
                plan = await _planner.PlanAsync(new HostedGenerationInput(scene, shot.Id, record.Mode, record.ModelId, request.Options, request.Prompt, request.Seed), cancellationToken);
            }

            record.VendorRequestJson = JsonSerializer.Serialize(plan.Request, StudioJson.Options);
            record.OptionsJson = plan.Options.ToJsonString();
            record.PromptJson = plan.Prompt?.ToJsonString();
            record.EstimatedCostUsd = plan.EstimatedCostUsd;
            record.PlanJson = plan.Details?.ToJsonString();
            record.Duration = plan.Duration;
            record.IdempotencyKey = $"previz-{record.Id:N}";
        }

        await using (var db = _database.CreateContext())
        {
            db.Generations.Add(record);
            GenerationChangeLog.Append(db, record, null, now);
            await db.SaveChangesAsync(cancellationToken);
        }

        _changes.Committed();
        _scheduler.Start(record.Id, record.Kind == GenerationKind.DirectRender);
        return record;
    }

    public async Task<GenerationRecord?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        return await db.Generations.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
    }

    public async Task<IReadOnlyList<GenerationRecord>> ListAsync(GenerationState? state, int skip, int take, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var query = db.Generations.AsNoTracking();
        if (state is { } s)
        {
            query = query.Where(g => g.State == s);
        }

        return await query.OrderByDescending(g => g.CreatedAt).Skip(skip).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Asks for a cancel: a queued job no worker holds is canceled at once; otherwise the worker that holds it (or
    /// the next step) reaches the vendor. False when the generation does not exist; finished ones are left as they are.
    /// </summary>
    public async Task<GenerationRecord?> CancelAsync(Guid id, CancellationToken cancellationToken)
    {
        var now = Now;
        await using var db = _database.CreateContext();
        var record = await db.Generations.AsNoTracking().FirstOrDefaultAsync(g => g.Id == id, cancellationToken);
        if (record is null || record.State.IsTerminal())
        {
            return record;
        }

        int canceledNow;
        GenerationRecord after;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Generations.Where(g => g.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.CancelRequested, true).SetProperty(g => g.Revision, g => g.Revision + 1), cancellationToken);
            canceledNow = await db.Generations
                .Where(g => g.Id == id && g.State == GenerationState.Queued && (g.LeaseOwner == null || g.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(g => g.State, GenerationState.Canceled).SetProperty(g => g.FinishedAt, now).SetProperty(g => g.Revision, g => g.Revision + 1),
                    cancellationToken);
            after = await db.Generations.AsNoTracking().FirstAsync(g => g.Id == id, cancellationToken);
            GenerationChangeLog.Append(db, after, canceledNow == 1 ? "Canceled" : "Cancel requested", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // A running hosted generation is polled at once by the next run of the recurring job (see DueSteps.PollsDue).
        _changes.Committed();

        return after;
    }

    /// <summary>Makes a new attempt of a failed or canceled generation with the same inputs, linked to it.</summary>
    public async Task<GenerationRecord> RetryAsync(GenerationRecord previous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(previous);
        if (previous.State is not (GenerationState.Failed or GenerationState.Canceled))
        {
            throw new UserErrorException($"Only failed or canceled generations can be retried; this one is {previous.State.ToString().ToLowerInvariant()}.");
        }

        return await RerunAsync(previous, previous.Id, previous.Attempt + 1, cancellationToken);
    }

    /// <summary>Runs a generation's recipe again as a new, unlinked generation.</summary>
    public Task<GenerationRecord> RerunAsync(GenerationRecord previous, CancellationToken cancellationToken) =>
        RerunAsync(previous ?? throw new ArgumentNullException(nameof(previous)), null, 1, cancellationToken);

    private async Task<GenerationRecord> RerunAsync(GenerationRecord previous, Guid? retryOf, int attempt, CancellationToken cancellationToken)
    {
        if (previous.SceneId is null || await _scenes.FindAsync(previous.SceneId.Value, cancellationToken) is null)
        {
            throw new UserErrorException("The scene of this generation was deleted, so it cannot run again.");
        }

        // Planned generations keep the choices as asked under "requested"; planning those again gives the same result.
        var options = JsonNode.Parse(previous.OptionsJson)?.AsObject();
        options = options?["requested"] as JsonObject ?? options;
        var prompt = previous.PromptJson is null ? null : JsonNode.Parse(previous.PromptJson)?.AsObject();
        prompt = prompt?["requested"] as JsonObject ?? prompt;
        var raw = previous.Kind == GenerationKind.Hosted && previous.PlanJson is null && previous.VendorRequestJson is not null && _options.AllowRawHostedRequests
            ? JsonSerializer.Deserialize<StoredHostedRequest>(previous.VendorRequestJson, StudioJson.Options)
            : null;
        return await CreateAsync(
            new CreateGeneration(previous.SceneId.Value, previous.ShotId, previous.Mode, previous.ModelId, (JsonObject?)options?.DeepClone(), (JsonObject?)prompt?.DeepClone(), previous.Seed)
            {
                HostedRequest = raw,
                EstimatedCostUsd = previous.EstimatedCostUsd,
                RetryOf = retryOf,
                Attempt = attempt,
            },
            cancellationToken);
    }
}
