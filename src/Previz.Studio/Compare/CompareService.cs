using System.Globalization;
using Previz.Core.Catalog;
using Previz.Core.Costs;
using Previz.Core.Modes;
using Previz.Core.Options;
using Previz.Core.Scenes;
using Previz.Studio.Gallery;
using Previz.Studio.Jobs;
using Previz.Studio.Planning;

namespace Previz.Studio.Compare;

/// <summary>
/// One shot across several models and seeds as one batch. The estimate prices every take exactly as a single estimate
/// of it would (<see cref="ShotPlanningService.EstimateAsync"/>: the catalog's options resolved, then the estimator) and
/// sums them. Creating a batch checks that sum against the budget first, then plans every take with the generation
/// pipeline, checks the planned total again in the transaction that stores the takes, and only then queues each one as
/// a normal generation carrying the batch id: a batch over the budget, or with a take that cannot be planned, creates
/// nothing.
/// </summary>
public sealed class CompareService
{
    private readonly ShotPlanningService _planning;
    private readonly PipelinePlanner _planner;
    private readonly GenerationService _generations;
    private readonly GalleryService _gallery;
    private readonly ModelCatalog _catalog;
    private readonly OptionsResolver _resolver;

    public CompareService(ShotPlanningService planning, PipelinePlanner planner, GenerationService generations, GalleryService gallery, ModelCatalog catalog)
    {
        _planning = planning;
        _planner = planner;
        _generations = generations;
        _gallery = gallery;
        _catalog = catalog;
        _resolver = new OptionsResolver(catalog);
    }

    /// <summary>The one estimate of the batch: each take's line, the sum, and the budget before and after it.</summary>
    /// <exception cref="FieldException">An unknown model, one that does not do the mode, too many takes.</exception>
    public async Task<CompareQuote> QuoteAsync(CompareChoices choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var (_, _, shot) = await _planning.ShotAsync(choices.Shot.SceneId, choices.Shot.ShotId, cancellationToken);
        var (mode, takes) = Takes(choices);
        var quotes = new List<CompareTakeQuote>(takes.Count);
        foreach (var (index, model, seed) in takes)
        {
            var estimate = CostEstimator.Estimate(_resolver.Resolve(mode, model, shot, choices.Shot.Video));
            quotes.Add(new CompareTakeQuote(index, model.Id, model.DisplayName, seed, estimate.Total, Line(model, seed, estimate), estimate.Breakdown));
        }

        var total = quotes.Sum(q => q.TotalUsd);
        return new CompareQuote(
            choices.Shot.SceneId, shot.Id, mode.Id(), quotes, total, "USD", await _planning.BudgetAsync(total, cancellationToken));
    }

    /// <summary>
    /// Prices the batch, refuses it when the total passes the budget, plans every take, and stores and queues them all
    /// with one new batch id.
    /// </summary>
    /// <exception cref="BudgetExceededException">The batch's total is more than the budget has left.</exception>
    public async Task<(Guid BatchId, CompareQuote Quote, IReadOnlyList<Persistence.GenerationRecord> Generations)> CreateAsync(
        CompareChoices choices, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(choices);
        var quote = await QuoteAsync(choices, cancellationToken);
        EnsureFits(quote.Budget, quote.TotalUsd, quote.Takes.Count);

        var (record, scene, shot) = await _planning.ShotAsync(choices.Shot.SceneId, choices.Shot.ShotId, cancellationToken);
        var planned = new List<(StoredPlan Plan, long? Seed)>(quote.Takes.Count);
        foreach (var take in quote.Takes)
        {
            var takeChoices = choices.Shot with { ShotId = shot.Id, Mode = quote.Mode, ModelId = take.ModelId, Seed = take.Seed };
            var plan = await _planner.PlanAsync(takeChoices, scene, record.ContentHash, cancellationToken);
            planned.Add((plan with { TakeIndex = take.Index }, take.Seed));
        }

        // Planned prices are the quoted ones; the check that counts is the one made where the takes are stored.
        var total = planned.Sum(p => p.Plan.Provenance.Estimate.Total);
        var batchId = Guid.NewGuid();
        var generations = await _generations.CreateBatchAsync(
            batchId,
            record,
            planned,
            async token => EnsureFits(await _planning.BudgetAsync(total, token), total, planned.Count),
            cancellationToken);
        return (batchId, quote, generations);
    }

    /// <summary>The batch's takes as they stand; null when no generation carries <paramref name="batchId"/>.</summary>
    public async Task<CompareBatch?> GetAsync(Guid batchId, CancellationToken cancellationToken)
    {
        var generations = await _generations.ListBatchAsync(batchId, cancellationToken);
        if (generations.Count == 0)
        {
            return null;
        }

        var takes = new List<CompareTake>(generations.Count);
        foreach (var generation in generations)
        {
            var item = generation.GalleryItemId is not null ? await _gallery.FindByGenerationAsync(generation.Id, cancellationToken) : null;
            takes.Add(new CompareTake(generation, item is null ? null : GalleryEntry.From(item)));
        }

        var first = generations[0];
        return new CompareBatch(batchId, first.SceneId, first.SceneName, first.ShotId, first.Mode, takes);
    }

    /// <summary>The batch's takes: each model (checked against the catalog and the mode) with each seed, in order.</summary>
    private (VisualizerMode Mode, List<(int Index, ModelEntry Model, long? Seed)> Takes) Takes(CompareChoices choices)
    {
        var models = choices.Models;
        if (models.Count is < CompareLimits.MinModels or > CompareLimits.MaxModels)
        {
            throw new FieldException("models", $"Choose {CompareLimits.MinModels} to {CompareLimits.MaxModels} models to compare; {models.Count} were given.");
        }

        var seeds = choices.Seeds.Count == 0 ? [null] : choices.Seeds;
        if (seeds.Count > CompareLimits.MaxSeeds)
        {
            throw new FieldException("seeds", $"Give {CompareLimits.MinSeeds} to {CompareLimits.MaxSeeds} seeds; {seeds.Count} were given.");
        }

        var entries = new List<ModelEntry>(models.Count);
        for (var i = 0; i < models.Count; i++)
        {
            var model = _catalog.Find(models[i])
                ?? throw new FieldException($"models[{i}]", $"There is no model \"{models[i]}\"; GET /api/models lists them.");
            if (entries.Any(e => e.Id == model.Id))
            {
                throw new FieldException($"models[{i}]", $"{model.Id} is listed twice; each model is one column of the comparison (give seeds for more takes of it).");
            }

            entries.Add(model);
        }

        var mode = ShotPlanningService.Mode(choices.Shot.Mode, entries[0]);
        for (var i = 0; i < entries.Count; i++)
        {
            var model = entries[i];
            if (!model.Supports(mode))
            {
                var offered = _catalog.ForMode(mode).Where(l => l.IsAvailable).Select(l => l.Model.Id);
                throw new FieldException($"models[{i}]", $"{model.DisplayName} does not do {mode.Id()}; models for {mode.Id()}: {string.Join(", ", offered)}.");
            }

            if (!model.IsAvailable)
            {
                throw new FieldException($"models[{i}]", $"{model.DisplayName} is unavailable: {model.Availability.Reason}");
            }
        }

        var takes = new List<(int, ModelEntry, long?)>();
        foreach (var model in entries)
        {
            // Direct Render is exact: another seed would render the same frames, so it is one take.
            foreach (var seed in model.Provider == ModelProvider.DirectRender ? [null] : seeds)
            {
                takes.Add((takes.Count, model, seed));
            }
        }

        if (takes.Count > CompareLimits.MaxTakes)
        {
            throw new FieldException(seeds.Count > 1 ? "seeds" : "models", string.Create(CultureInfo.InvariantCulture,
                $"{entries.Count} models × {seeds.Count} seeds make {takes.Count} takes; a batch has at most {CompareLimits.MaxTakes}."));
        }

        return (mode, takes);
    }

    private static void EnsureFits(BudgetStatus? budget, decimal total, int takes)
    {
        if (budget is { Fits: false } over)
        {
            throw new BudgetExceededException(total, over.CapUsd - over.LeftUsd, over.CapUsd, takes);
        }
    }

    private static string Line(ModelEntry model, long? seed, CostEstimate estimate)
    {
        var who = seed is { } s ? string.Create(CultureInfo.InvariantCulture, $"{model.DisplayName} · seed {s}") : model.DisplayName;
        return estimate.Total == 0
            ? $"{who}: free"
            : string.Create(CultureInfo.InvariantCulture, $"{who}: {estimate.TotalText} ({estimate.Units:0.##} {estimate.UnitName} × {CostEstimator.Money(estimate.UnitPrice)}/{estimate.UnitName})");
    }
}
