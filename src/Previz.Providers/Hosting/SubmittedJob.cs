namespace Previz.Providers.Hosting;

/// <summary>
/// What a vendor answered to a submit: everything needed to poll, fetch or cancel later, also after a restart. Store it
/// the moment it is returned.
/// </summary>
/// <param name="Provider">The vendor.</param>
/// <param name="Endpoint">The endpoint the request went to.</param>
/// <param name="RequestId">fal <c>request_id</c>, Runway task <c>id</c>, Luma generation <c>id</c>.</param>
/// <param name="SubmittedAt">When the vendor accepted it.</param>
public sealed record SubmittedJob(HostedProvider Provider, string Endpoint, string RequestId, DateTimeOffset SubmittedAt)
{
    /// <summary>fal: <c>status_url</c> from the submit answer.</summary>
    public Uri? StatusUrl { get; init; }

    /// <summary>fal: <c>response_url</c> from the submit answer.</summary>
    public Uri? ResponseUrl { get; init; }

    /// <summary>fal: <c>cancel_url</c> from the submit answer.</summary>
    public Uri? CancelUrl { get; init; }

    /// <summary>fal: <c>queue_position</c> at submit time, when given.</summary>
    public int? QueuePosition { get; init; }
}
