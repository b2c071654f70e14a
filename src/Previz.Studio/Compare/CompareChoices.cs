using Previz.Studio.Planning;

namespace Previz.Studio.Compare;

/// <summary>
/// One shot across several models and seeds, as one batch: the choices every take shares (shot, mode, options, prompt
/// and frames, as for a single generation; its model and seed are ignored), the models in the order asked, and the seeds.
/// </summary>
public sealed record CompareChoices
{
    /// <summary>What every take shares.</summary>
    public required ShotChoices Shot { get; init; }

    /// <summary>Catalog model ids, 2 to 8.</summary>
    public required IReadOnlyList<string> Models { get; init; }

    /// <summary>1 to 4 seeds; a null seed leaves it to the model.</summary>
    public IReadOnlyList<long?> Seeds { get; init; } = [null];
}
