using Microsoft.EntityFrameworkCore;
using Previz.Core;
using Previz.Studio.Events;
using Previz.Studio.Hosting;
using Previz.Studio.Persistence;
using Previz.Studio.Planning;
using Previz.Studio.Scenes;

namespace Previz.Studio.Jobs;

/// <summary>Creates, lists, cancels and retries generations for the API and the studio.</summary>
public sealed class GenerationService
{
    private readonly StudioDatabase _database;
    private readonly SceneStore _scenes;
    private readonly JobScheduler _scheduler;
    private readonly ShotPlanningService _planning;
    private readonly PipelinePlanner _planner;
    private readonly CreateLimiter _limiter;
    private readonly GenerationChangeLog _changes;
    private readonly TimeProvider _time;
    private readonly DataFolder _folder;

    public GenerationService(
        StudioDatabase database,
        SceneStore scenes,
        JobScheduler scheduler,
        ShotPlanningService planning,
        PipelinePlanner planner,
        CreateLimiter limiter,
        GenerationChangeLog changes,
        TimeProvider time,
        DataFolder folder)
    {
        _database = database;
        _scenes = scenes;
        _scheduler = scheduler;
        _planning = planning;
        _planner = planner;
        _limiter = limiter;
        _changes = changes;
        _time = time;
        _folder = folder;
    }

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Plans the choices (Direct Render or a hosted model alike), stores the generation as
    /// <see cref="GenerationState.Queued"/> with its plan and queues its first step, once the <see cref="CreateLimiter"/>
    /// has a slot.
    /// </summary>
    public Task<GenerationRecord> CreateAsync(ShotChoices choices, CancellationToken cancellationToken) =>
        CreateAsync(choices, null, 1, cancellationToken);

    private Task<GenerationRecord> CreateAsync(ShotChoices choices, Guid? retryOf, int attempt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        return _limiter.RunAsync(() => CreateNowAsync(choices, retryOf, attempt, cancellationToken), cancellationToken);
    }

    private async Task<GenerationRecord> CreateNowAsync(ShotChoices choices, Guid? retryOf, int attempt, CancellationToken cancellationToken)
    {
        var (sceneRecord, scene, shot) = await _planning.ShotAsync(choices.SceneId, choices.ShotId, cancellationToken);
        var plan = await _planner.PlanAsync(choices with { ShotId = shot.Id }, scene, sceneRecord.ContentHash, cancellationToken);
        var record = NewRecord(plan, sceneRecord, shot.Id, choices.Seed, retryOf, attempt, null, Now);

        await using (var db = _database.CreateContext())
        {
            db.Generations.Add(record);
            GenerationChangeLog.Append(db, record, null, record.CreatedAt);
            await db.SaveChangesAsync(cancellationToken);
        }

        _changes.Committed();
        _scheduler.Start(record.Id, record.Kind == GenerationKind.DirectRender);
        return record;
    }

    /// <summary>
    /// Stores already planned takes of one compare batch as generations carrying <paramref name="batchId"/>, all in one
    /// transaction (all of them or none), and only then queues the first step of each. <paramref name="check"/> runs inside
    /// that transaction, before anything is written: it may refuse the batch (the budget), and then nothing is created.
    /// </summary>
    public Task<IReadOnlyList<GenerationRecord>> CreateBatchAsync(
        Guid batchId, SceneRecord scene, IReadOnlyList<(StoredPlan Plan, long? Seed)> takes, Func<CancellationToken, Task> check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(takes);
        ArgumentNullException.ThrowIfNull(check);
        return _limiter.RunAsync<IReadOnlyList<GenerationRecord>>(async () =>
        {
            var now = Now;
            var records = takes.Select(t => NewRecord(t.Plan, scene, t.Plan.Provenance.ShotId, t.Seed, null, 1, batchId, now)).ToList();
            await using (var db = _database.CreateContext())
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await check(cancellationToken);
                foreach (var record in records)
                {
                    db.Generations.Add(record);
                    GenerationChangeLog.Append(db, record, null, now);
                }

                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            _changes.Committed();
            foreach (var record in records)
            {
                _scheduler.Start(record.Id, record.Kind == GenerationKind.DirectRender);
            }

            return records;
        }, cancellationToken);
    }

    /// <summary>The generations of compare batch <paramref name="batchId"/>, in the order they were planned.</summary>
    public async Task<IReadOnlyList<GenerationRecord>> ListBatchAsync(Guid batchId, CancellationToken cancellationToken)
    {
        await using var db = _database.CreateContext();
        var records = await db.Generations.AsNoTracking().Where(g => g.BatchId == batchId).ToListAsync(cancellationToken);
        // Created in one transaction at one time: the idempotency key's order is no order, so keep the plan's (take index).
        return [.. records.OrderBy(g => StoredPlan.Of(g).TakeIndex ?? 0).ThenBy(g => g.CreatedAt)];
    }

    private static GenerationRecord NewRecord(StoredPlan plan, SceneRecord sceneRecord, string shotId, long? seed, Guid? retryOf, int attempt, Guid? batchId, DateTime now)
    {
        var record = new GenerationRecord
        {
            Id = Guid.NewGuid(),
            Kind = plan.DirectRender is null ? GenerationKind.Hosted : GenerationKind.DirectRender,
            State = GenerationState.Queued,
            SceneId = sceneRecord.Id,
            SceneHash = sceneRecord.ContentHash,
            SceneName = sceneRecord.Name,
            ShotId = shotId,
            Mode = plan.Provenance.Mode,
            ModelId = plan.Provenance.ModelId,
            Seed = seed,
            Duration = plan.Provenance.Options.OutputSeconds,
            EstimatedCostUsd = plan.Provenance.Estimate.Total,
            PlanJson = plan.ToJson(),
            RetryOfId = retryOf,
            Attempt = attempt,
            BatchId = batchId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        record.IdempotencyKey = $"previz-{record.Id:N}";
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
    /// Asks for a cancel: a queued job, or a Direct Render, that no worker holds is canceled at once (a render between
    /// attempts, or whose process died, has nothing to stop); otherwise the worker that holds it stops, or the next
    /// poll reaches the vendor. Null when the generation does not exist; finished ones are left as they are.
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
                .Where(g => g.Id == id
                    && (g.State == GenerationState.Queued || (g.Kind == GenerationKind.DirectRender && (g.State == GenerationState.Running || g.State == GenerationState.Fetching)))
                    && (g.LeaseOwner == null || g.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(
                    s => s.SetProperty(g => g.State, GenerationState.Canceled).SetProperty(g => g.FinishedAt, now).SetProperty(g => g.Revision, g => g.Revision + 1),
                    cancellationToken);
            after = await db.Generations.AsNoTracking().FirstAsync(g => g.Id == id, cancellationToken);
            GenerationChangeLog.Append(db, after, canceledNow == 1 ? "Canceled" : "Cancel requested", now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        if (canceledNow == 1)
        {
            _folder.DeleteTempFilesOf(id);
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

        // The choices as asked: planning them again gives the same request (frames captured again, prices as they are now).
        return await CreateAsync(StoredPlan.Of(previous).Choices, retryOf, attempt, cancellationToken);
    }
}
