namespace Previz.Providers.Hosting;

/// <summary>The vendor whose HTTP API serves a hosted generation.</summary>
public enum HostedProvider
{
    /// <summary>fal's queue API (queue.fal.run): Veo, Kling, Seedance and others through one gateway.</summary>
    Fal,

    /// <summary>Runway's developer API (api.dev.runwayml.com).</summary>
    Runway,

    /// <summary>Luma's generation API.</summary>
    Luma,

    /// <summary>A ComfyUI server the user runs (<c>Providers__ComfyUI__Url</c>): its HTTP API, no key.</summary>
    ComfyUI,
}
