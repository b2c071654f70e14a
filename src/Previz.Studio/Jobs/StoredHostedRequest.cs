using System.Text.Json.Nodes;
using Previz.Providers.Hosting;

namespace Previz.Studio.Jobs;

/// <summary>
/// A vendor request as kept in the job store: provider, endpoint, body, and files by their stored path under the data
/// folder (never their bytes, never a key), so a worker on any machine can submit it.
/// </summary>
public sealed record StoredHostedRequest(HostedProvider Provider, string Endpoint, JsonObject Body)
{
    public IReadOnlyList<StoredInputFile> Files { get; init; } = [];
}
