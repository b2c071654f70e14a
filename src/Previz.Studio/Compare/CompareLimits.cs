namespace Previz.Studio.Compare;

/// <summary>How large a compare batch may be: enough takes to choose from, few enough to watch side by side.</summary>
public static class CompareLimits
{
    public const int MinModels = 2;

    public const int MaxModels = 8;

    public const int MinSeeds = 1;

    public const int MaxSeeds = 4;

    /// <summary>Takes in one batch (models × seeds; Direct Render counts once, it is exact).</summary>
    public const int MaxTakes = 8;

    /// <summary>The largest seed accepted: vendors take a 32-bit unsigned seed.</summary>
    public const long MaxSeed = uint.MaxValue;
}
