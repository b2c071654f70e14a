using Previz.Core.Animation;

namespace Previz.Studio.Compose;

/// <summary>A key on a timeline track: its scene time and how it moves on to the next key.</summary>
public sealed record TimelineKey(double Time, Interpolation Interpolation);
