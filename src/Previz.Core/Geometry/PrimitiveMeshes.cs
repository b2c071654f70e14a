using System.Numerics;

namespace Previz.Core.Geometry;

/// <summary>
/// Unit primitives centred on the origin: box 1×1×1, sphere of diameter 1, cylinder/cone/capsule of diameter 1 and
/// height 1 along +Y, plane 1×1 in XZ facing +Y, each stretched to an object's <c>size</c>; a capsule keeps round ends.
/// </summary>
public static class PrimitiveMeshes
{
    private const int Segments = 24;
    private const int Rings = 12;

    /// <summary>A person's size when the scene gives none: shoulder width, height, depth of an adult in metres.</summary>
    public static Vector3 PersonSize { get; } = new(0.5f, 1.8f, 0.3f);

    /// <summary>The primitive stretched to <paramref name="size"/> (width, height, depth in metres).</summary>
    public static Mesh Create(ShapeKind kind, Vector3 size)
    {
        var unit = kind switch
        {
            ShapeKind.Box => Box(),
            ShapeKind.Sphere => Sphere(),
            ShapeKind.Cylinder => Cylinder(0.5f),
            ShapeKind.Cone => Cylinder(0f),
            ShapeKind.Plane => Plane(),
            ShapeKind.Capsule => Capsule(size),
            ShapeKind.Person => Person(size),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Mesh shapes come from files, not from primitives."),
        };
        if (kind is ShapeKind.Capsule or ShapeKind.Person)
        {
            return unit;
        }

        var positions = new Vector3[unit.Positions.Length];
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = unit.Positions[i] * size;
        }

        return unit with { Positions = positions };
    }

    private static Mesh Box()
    {
        var p = new List<Vector3>();
        var idx = new List<int>();
        // Six faces with their own corners so each face is a flat quad (two triangles sharing a diagonal).
        AddQuad(p, idx, new(-0.5f, -0.5f, 0.5f), new(0.5f, -0.5f, 0.5f), new(0.5f, 0.5f, 0.5f), new(-0.5f, 0.5f, 0.5f));
        AddQuad(p, idx, new(0.5f, -0.5f, -0.5f), new(-0.5f, -0.5f, -0.5f), new(-0.5f, 0.5f, -0.5f), new(0.5f, 0.5f, -0.5f));
        AddQuad(p, idx, new(0.5f, -0.5f, 0.5f), new(0.5f, -0.5f, -0.5f), new(0.5f, 0.5f, -0.5f), new(0.5f, 0.5f, 0.5f));
        AddQuad(p, idx, new(-0.5f, -0.5f, -0.5f), new(-0.5f, -0.5f, 0.5f), new(-0.5f, 0.5f, 0.5f), new(-0.5f, 0.5f, -0.5f));
        AddQuad(p, idx, new(-0.5f, 0.5f, 0.5f), new(0.5f, 0.5f, 0.5f), new(0.5f, 0.5f, -0.5f), new(-0.5f, 0.5f, -0.5f));
        AddQuad(p, idx, new(-0.5f, -0.5f, -0.5f), new(0.5f, -0.5f, -0.5f), new(0.5f, -0.5f, 0.5f), new(-0.5f, -0.5f, 0.5f));
        return new Mesh([.. p], [.. idx]);
    }

    private static Mesh Plane()
    {
        var p = new List<Vector3>();
        var idx = new List<int>();
        AddQuad(p, idx, new(-0.5f, 0, 0.5f), new(0.5f, 0, 0.5f), new(0.5f, 0, -0.5f), new(-0.5f, 0, -0.5f));
        return new Mesh([.. p], [.. idx]);
    }

    private static Mesh Sphere()
    {
        var p = new List<Vector3>();
        var idx = new List<int>();
        for (var r = 0; r <= Rings; r++)
        {
            var phi = MathF.PI * r / Rings;
            for (var s = 0; s <= Segments; s++)
            {
                var theta = 2 * MathF.PI * s / Segments;
                p.Add(new Vector3(0.5f * MathF.Sin(phi) * MathF.Cos(theta), 0.5f * MathF.Cos(phi), -0.5f * MathF.Sin(phi) * MathF.Sin(theta)));
            }
        }

        for (var r = 0; r < Rings; r++)
        {
            for (var s = 0; s < Segments; s++)
            {
                var a = (r * (Segments + 1)) + s;
                var b = a + Segments + 1;
                idx.AddRange([a, b, a + 1, a + 1, b, b + 1]);
            }
        }

        return new Mesh([.. p], [.. idx]);
    }

    /// <summary>A cylinder, or a cone when the top radius is zero.</summary>
    private static Mesh Cylinder(float topRadius)
    {
        var p = new List<Vector3>();
        var idx = new List<int>();
        // Side ring: bottom then top vertices.
        for (var s = 0; s <= Segments; s++)
        {
            var theta = 2 * MathF.PI * s / Segments;
            var (sin, cos) = MathF.SinCos(theta);
            p.Add(new Vector3(0.5f * cos, -0.5f, -0.5f * sin));
            p.Add(new Vector3(topRadius * cos, 0.5f, -topRadius * sin));
        }

        for (var s = 0; s < Segments; s++)
        {
            var b0 = 2 * s;
            idx.AddRange([b0, b0 + 2, b0 + 1, b0 + 1, b0 + 2, b0 + 3]);
        }

        AddCap(p, idx, -0.5f, 0.5f, facingUp: false);
        if (topRadius > 0)
        {
            AddCap(p, idx, 0.5f, topRadius, facingUp: true);
        }

        return new Mesh([.. p], [.. idx]);
    }

    /// <summary>A capsule that fills <paramref name="size"/>: round ends of radius min(width, depth) / 2.</summary>
    private static Mesh Capsule(Vector3 size)
    {
        var endRadius = MathF.Min(MathF.Min(size.X, size.Z) / 2, size.Y / 2);
        var half = (size.Y / 2) - endRadius;
        const int halfRings = Rings / 2;
        var p = new List<Vector3>();
        var idx = new List<int>();
        // Top hemisphere rings 0..halfRings, bottom hemisphere rings halfRings..Rings; the band between is the body.
        for (var r = 0; r <= Rings + 1; r++)
        {
            var top = r <= halfRings;
            var phi = MathF.PI * (top ? r : r - 1) / Rings;
            var centreY = top ? half : -half;
            for (var s = 0; s <= Segments; s++)
            {
                var theta = 2 * MathF.PI * s / Segments;
                var ring = MathF.Sin(phi);
                p.Add(new Vector3(size.X / 2 * ring * MathF.Cos(theta), centreY + (endRadius * MathF.Cos(phi)), -size.Z / 2 * ring * MathF.Sin(theta)));
            }
        }

        for (var r = 0; r <= Rings; r++)
        {
            for (var s = 0; s < Segments; s++)
            {
                var a = (r * (Segments + 1)) + s;
                var b = a + Segments + 1;
                idx.AddRange([a, b, a + 1, a + 1, b, b + 1]);
            }
        }

        return new Mesh([.. p], [.. idx]);
    }

    /// <summary>
    /// A mannequin centred on the origin like every primitive: legs, torso and arms as capsules and a round head, in
    /// adult proportions of <paramref name="size"/> (height along +Y; arms hang inside the width).
    /// </summary>
    private static Mesh Person(Vector3 size)
    {
        var (w, h, d) = (size.X, size.Y, size.Z);
        var head = h * 0.13f;
        Mesh[] parts =
        [
            Moved(Capsule(new Vector3(w * 0.24f, h * 0.5f, d * 0.6f)), new Vector3(-w * 0.14f, -h * 0.25f, 0)),
            Moved(Capsule(new Vector3(w * 0.24f, h * 0.5f, d * 0.6f)), new Vector3(w * 0.14f, -h * 0.25f, 0)),
            Moved(Capsule(new Vector3(w * 0.6f, h * 0.38f, d * 0.9f)), new Vector3(0, h * 0.17f, 0)),
            Moved(Capsule(new Vector3(w * 0.16f, h * 0.38f, d * 0.5f)), new Vector3(-w * 0.42f, h * 0.13f, 0)),
            Moved(Capsule(new Vector3(w * 0.16f, h * 0.38f, d * 0.5f)), new Vector3(w * 0.42f, h * 0.13f, 0)),
            Moved(Scaled(Sphere(), new Vector3(head * 0.8f, head, head * 0.85f)), new Vector3(0, (h / 2) - (head / 2), 0)),
        ];
        var positions = new List<Vector3>();
        var indices = new List<int>();
        foreach (var part in parts)
        {
            var offset = positions.Count;
            positions.AddRange(part.Positions);
            indices.AddRange(part.Indices.Select(i => i + offset));
        }

        return new Mesh([.. positions], [.. indices]);
    }

    private static Mesh Scaled(Mesh mesh, Vector3 scale) => mesh with { Positions = [.. mesh.Positions.Select(p => p * scale)] };

    private static Mesh Moved(Mesh mesh, Vector3 offset) => mesh with { Positions = [.. mesh.Positions.Select(p => p + offset)] };

    private static void AddCap(List<Vector3> p, List<int> idx, float y, float radius, bool facingUp)
    {
        var centre = p.Count;
        p.Add(new Vector3(0, y, 0));
        for (var s = 0; s <= Segments; s++)
        {
            var theta = 2 * MathF.PI * s / Segments;
            p.Add(new Vector3(radius * MathF.Cos(theta), y, -radius * MathF.Sin(theta)));
        }

        for (var s = 0; s < Segments; s++)
        {
            var a = centre + 1 + s;
            if (facingUp)
            {
                idx.AddRange([centre, a, a + 1]);
            }
            else
            {
                idx.AddRange([centre, a + 1, a]);
            }
        }
    }

    private static void AddQuad(List<Vector3> p, List<int> idx, Vector3 a, Vector3 b, Vector3 c, Vector3 d)
    {
        var i = p.Count;
        p.AddRange([a, b, c, d]);
        idx.AddRange([i, i + 1, i + 2, i, i + 2, i + 3]);
    }
}
