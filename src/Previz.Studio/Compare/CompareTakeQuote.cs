namespace Previz.Studio.Compare;

/// <summary>One take of a batch as priced: its model and seed, its cost, and the line that says how.</summary>
/// <param name="Index">Its place in the batch (models in the order asked, seeds within each).</param>
/// <param name="Line">"Kling 2.6 Pro · seed 7: $0.35 (5 s × $0.07/s)".</param>
/// <param name="Breakdown">The estimator's arithmetic and the price's source, as a single estimate gives them.</param>
public sealed record CompareTakeQuote(int Index, string ModelId, string ModelName, long? Seed, decimal TotalUsd, string Line, IReadOnlyList<string> Breakdown);
