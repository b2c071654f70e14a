using Previz.Providers.Hosting;

namespace Previz.Providers.Requests;

/// <summary>A vendor request and what the endpoint could not take (said to the user, never silently dropped).</summary>
public sealed record BuiltRequest(HostedRequest Request, IReadOnlyList<string> NotSent)
{
    /// <summary>The pictures the request sends, in the order of <see cref="HostedRequest.Files"/>, each with its role.</summary>
    public IReadOnlyList<SentPicture> Pictures { get; init; } = [];

    /// <summary>The guide video the request sends, with the file that carries it; null when none.</summary>
    public (HostedInputFile File, Inputs.GuideVideo Video)? Guide { get; init; }
}
