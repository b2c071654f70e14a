namespace Previz.Core.Animation;

/// <summary>How a key moves to the next one.</summary>
public enum Interpolation
{
    /// <summary>Ease in and out between the keys (the default).</summary>
    Smooth,
    Linear,
    /// <summary>Hold this key's value until the next key.</summary>
    Step,
    /// <summary>glTF CUBICSPLINE: Hermite with the keys' own tangents (per second).</summary>
    CubicSpline,
}
