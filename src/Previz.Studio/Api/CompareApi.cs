using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Previz.Studio.Compare;

namespace Previz.Studio.Api;

/// <summary>
/// Compare batches under <c>/api/compare</c>: one shot across several models and seeds. Errors a user can cause are
/// problems: 400 naming the field (<c>models[2]</c>, <c>seeds[1]</c>), 402 when the batch's total passes the budget
/// (nothing is created).
/// </summary>
public static class CompareApi
{
    public static IEndpointRouteBuilder MapCompareApi(this IEndpointRouteBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var compare = api.MapGroup("/compare").WithTags("Compare");
        compare.MapPost("/estimate", EstimateBatchAsync).WithName("EstimateCompareBatch")
            .WithSummary("The one estimate of a compare batch: { sceneId, shotId?, mode?, models: [2–8 ids], seeds?: [1–4 numbers], options?, prompt? } → each take's line and their sum, with the budget left before and after.")
            .ProducesValidationProblem();
        compare.MapPost("/", CreateBatchAsync).WithName("CreateCompareBatch")
            .WithSummary("Start a compare batch (the estimate's body): every take planned first and the total checked against the budget before anything is sent, then each take queued as a generation carrying the batch id.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status402PaymentRequired);
        compare.MapGet("/{batchId:guid}", GetBatchAsync).WithName("GetCompareBatch")
            .WithSummary("A compare batch's takes: model, seed, state, cost, media and motion-adherence score once measured.");
        return api;
    }

    public static async Task<Ok<CompareQuote>> EstimateBatchAsync(CompareBody body, CompareService compare, CancellationToken ct) =>
        TypedResults.Ok(await compare.QuoteAsync(CompareParser.Parse(body), ct));

    public static async Task<Accepted<CompareBatchDto>> CreateBatchAsync(CompareBody body, CompareService compare, CancellationToken ct)
    {
        var (batchId, quote, generations) = await compare.CreateAsync(CompareParser.Parse(body), ct);
        var first = generations[0];
        var dto = new CompareBatchDto(batchId, first.SceneId, first.ShotId, first.Mode, quote.TotalUsd, CompareBatchDto.ViewOf(batchId),
            [.. generations.Select(CompareTakeDto.From)], quote);
        return TypedResults.Accepted($"/api/compare/{batchId}", dto);
    }

    public static async Task<Results<Ok<CompareBatchDto>, ProblemHttpResult>> GetBatchAsync(Guid batchId, CompareService compare, CancellationToken ct) =>
        await compare.GetAsync(batchId, ct) is { } batch
            ? TypedResults.Ok(CompareBatchDto.From(batch))
            : TypedResults.Problem(title: "Not found.", detail: $"There is no compare batch {batchId}.", statusCode: StatusCodes.Status404NotFound);
}
