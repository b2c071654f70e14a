namespace Previz.Providers.Luma;

/// <summary>Luma's API host (configuration section <c>Providers:Luma</c>, environment <c>Providers__Luma__BaseUrl</c>).</summary>
public sealed class LumaOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:Luma";

    /// <summary>The Agents API root, https://agents.lumalabs.ai/v1 (lumalabs/luma-agents-python@38837df src/luma_agents/_client.py).</summary>
    public Uri BaseUrl { get; set; } = new("https://agents.lumalabs.ai/v1");
}
