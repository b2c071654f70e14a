namespace Previz.Core.Animation;

/// <summary>Cubic Hermite basis functions (glTF CUBICSPLINE).</summary>
internal static class Hermite
{
    public static (float H00, float H10, float H01, float H11) Basis(float u)
    {
        var u2 = u * u;
        var u3 = u2 * u;
        return ((2 * u3) - (3 * u2) + 1, u3 - (2 * u2) + u, (-2 * u3) + (3 * u2), u3 - u2);
    }
}
