namespace Previz.Studio.Planning;

/// <summary>What a model supports for a shot in a mode, the defaults it would run with, and why.</summary>
/// <param name="Durations">Clip lengths to choose from (empty: the shot's own length).</param>
/// <param name="ShotExceedsMaximum">The shot is longer than the model can cover; <c>acceptDurationCap</c> must be set.</param>
/// <param name="CapSeconds">What the model can cover of such a shot (the longest clip or guide video); null when the shot fits.</param>
/// <param name="Orientations">Aspects to choose from (empty: the shot's own).</param>
/// <param name="ApiKey">The key the model needs, null for Direct Render.</param>
public sealed record ShotOptions(
    string ModelId,
    string ModelName,
    string Mode,
    string ShotId,
    double ShotSeconds,
    IReadOnlyList<int> Durations,
    bool ShotExceedsMaximum,
    double? CapSeconds,
    IReadOnlyList<OrientationChoice> Orientations,
    AudioChoice Audio,
    IReadOnlyList<ResolutionChoice> Resolutions,
    OptionDefaults Defaults,
    IReadOnlyList<string> Notes,
    ApiKeyStatus? ApiKey);
