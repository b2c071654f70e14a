namespace Previz.Core.Catalog;

/// <summary>The product's two resolution choices; each model maps them to its own vendor values.</summary>
public enum ResolutionTier
{
    /// <summary><c>1k</c>: a cheaper preview (about 720p).</summary>
    Preview1K,

    /// <summary><c>2k</c>: the final (about 1080p).</summary>
    Final2K,
}
