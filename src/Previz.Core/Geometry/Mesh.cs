using System.Numerics;

namespace Previz.Core.Geometry;

/// <summary>
/// A triangle mesh in object space: positions and counter-clockwise triangles (glTF winding), metres.
/// </summary>
public sealed record Mesh(Vector3[] Positions, int[] Indices)
{
    public int TriangleCount => Indices.Length / 3;

    /// <summary>Axis-aligned bounds of the positions, or zero bounds for an empty mesh.</summary>
    public (Vector3 Min, Vector3 Max) Bounds()
    {
        if (Positions.Length == 0)
        {
            return (Vector3.Zero, Vector3.Zero);
        }

        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        foreach (var p in Positions)
        {
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }

        return (min, max);
    }
}
