namespace Previz.Core.Catalog;

/// <summary>Who runs the model, i.e. which client talks to it.</summary>
public enum ModelProvider
{
    /// <summary>Our own rasterizer: no AI, no key, no cost.</summary>
    DirectRender,

    /// <summary>fal's queue API (https://queue.fal.run).</summary>
    Fal,

    /// <summary>Runway's developer API (https://api.dev.runwayml.com).</summary>
    Runway,

    /// <summary>Luma's own API.</summary>
    Luma,

    /// <summary>A ComfyUI server the user runs (its HTTP API, a replaceable API-format workflow); no key, no bill.</summary>
    ComfyUI,
}
