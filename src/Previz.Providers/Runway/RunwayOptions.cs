namespace Previz.Providers.Runway;

/// <summary>Runway's API host (configuration section <c>Providers:Runway</c>, environment <c>Providers__Runway__BaseUrl</c>).</summary>
public sealed class RunwayOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Providers:Runway";

    /// <summary>The API root; runwayml/sdk-python src/runwayml/_client.py defaults to https://api.dev.runwayml.com.</summary>
    public Uri BaseUrl { get; set; } = new("https://api.dev.runwayml.com");

    /// <summary>The <c>X-Runway-Version</c> header; the SDK sends 2024-11-06 (runwayml/sdk-python _client.py).</summary>
    public string ApiVersion { get; set; } = "2024-11-06";
}
