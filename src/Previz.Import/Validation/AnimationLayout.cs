namespace Previz.Import.Validation;

/// <summary>An animation as the JSON lays it out: samplers (accessor indices) and channels (node and path).</summary>
internal sealed record AnimationLayout(int Index, string? Name, IReadOnlyList<SamplerLayout> Samplers, IReadOnlyList<ChannelLayout> Channels);

/// <summary>Key times accessor, values accessor and interpolation (LINEAR, STEP or CUBICSPLINE).</summary>
internal sealed record SamplerLayout(int Input, int Output, string Interpolation);

/// <summary>A channel: its sampler, target node (−1 when none) and path (translation, rotation, scale, weights…).</summary>
internal sealed record ChannelLayout(int Sampler, int Node, string? Path);
