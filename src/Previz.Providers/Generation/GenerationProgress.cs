using Previz.Providers.Hosting;

namespace Previz.Providers.Generation;

/// <summary>Where a running generation stands, for a status line.</summary>
/// <param name="Stage">submitting, queued, running, downloading, finishing, rendering, done.</param>
/// <param name="Elapsed">Time since the run started.</param>
/// <param name="QueuePosition">fal queue position while queued.</param>
/// <param name="Progress">0..1 where known (Runway progress, Direct Render frames).</param>
/// <param name="LastLog">The vendor's latest log line.</param>
/// <param name="Status">The vendor status behind this report, if any.</param>
public sealed record GenerationProgress(string Stage, TimeSpan Elapsed, int? QueuePosition = null, double? Progress = null, string? LastLog = null, HostedJobStatus? Status = null);
