using Previz.Providers.Errors;

namespace Previz.Providers.Hosting;

/// <summary>Finds the client for a provider (the catalog says which provider serves each model).</summary>
public sealed class HostedVideoClients
{
    private readonly Dictionary<HostedProvider, IHostedVideoClient> _clients;

    /// <summary>Indexes the registered clients by provider.</summary>
    public HostedVideoClients(IEnumerable<IHostedVideoClient> clients)
    {
        ArgumentNullException.ThrowIfNull(clients);
        _clients = clients.ToDictionary(c => c.Provider);
    }

    /// <summary>The client for <paramref name="provider"/>.</summary>
    public IHostedVideoClient For(HostedProvider provider) =>
        _clients.TryGetValue(provider, out var client) ? client : throw new InvalidOperationException($"No client is registered for {VendorNames.Of(provider)}.");
}
