using Previz.Providers.Inputs;

namespace Previz.Providers.Requests;

/// <summary>A keyframe picture pinned at <paramref name="FrameIndex"/> of the generated clip (at the endpoint's keyframe rate).</summary>
public sealed record TimedKeyframe(FittedImage Image, int FrameIndex, double ShotTime);
