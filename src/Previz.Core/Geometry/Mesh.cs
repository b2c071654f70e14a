using System.Numerics;

namespace Previz.Core.Geometry;

/// <summary>
/// A triangle mesh in object space: positions and counter-clockwise triangles (glTF winding), metres.
/// </summary>
public sealed record Mesh(Vector3[] Positions, int[] Indices)
{
    public int TriangleCount => Indices.Length / 3;

    /// <summary>
    /// Optional colour per vertex (glTF <c>COLOR_0</c>, alpha dropped), encoded like <see cref="Scenes.ColorRgb"/> so it
    /// multiplies the object's colour directly; null when the file has none.
    /// </summary>
    public Vector3[]? Colors { get; init; }

    /// <summary>Optional skin and morph targets that move the vertices over time; null for a rigid mesh.</summary>
    public Characters.MeshDeformation? Deformation { get; init; }

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
