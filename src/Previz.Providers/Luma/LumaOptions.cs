namespace Previz.Providers.Luma;

/// <summary>Luma's API host (configuration section <c>Providers:Luma</c>, environment <c>Providers__Luma__BaseUrl</c>).</summary>
public sealed class LumaOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:Luma";

    /// <summary>
    /// The API root. Luma's current API is https://agents.lumalabs.ai/v1 (lumalabs/luma-agents-python
    /// src/luma_agents/_client.py); the older Dream Machine API is https://api.lumalabs.ai/dream-machine/v1
    /// (lumalabs/lumaai-python). Both answer <c>GET {root}/generations/{id}</c>.
    /// </summary>
    public Uri BaseUrl { get; set; } = new("https://agents.lumalabs.ai/v1");
}
