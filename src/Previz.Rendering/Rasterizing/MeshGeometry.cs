using System.Numerics;
using System.Runtime.CompilerServices;
using Previz.Core.Geometry;

namespace Previz.Rendering.Rasterizing;

/// <summary>
/// A mesh prepared for drawing: vertices welded by position (so seams, poles and the corners of a box's separate faces
/// share edges), degenerate triangles dropped, every edge classified as a feature edge or a smooth one, and each
/// triangle's plane kept for back-face tests. A mesh is closed when every edge has exactly two triangles; only closed
/// meshes are back-face culled. Imported meshes are prepared once per <see cref="Mesh"/> instance (see <see cref="For"/>).
/// </summary>
internal sealed class MeshGeometry
{
    /// <summary>Edges whose faces' normals differ by more than this are creases (a 24-segment sphere's facets differ by 15°).</summary>
    public const float FeatureAngleDegrees = 25f;

    /// <summary>Triangles per parallel chunk when a deforming mesh's planes are redone.</summary>
    private const int ReposeChunk = 32768;

    /// <summary>Prepared geometry per mesh instance, dropped with the mesh (meshes are immutable once imported).</summary>
    private static readonly ConditionalWeakTable<Mesh, MeshGeometry> Cache = [];

    private MeshGeometry(Vector3[] positions, int[] triangles, Vector4[] planes, MeshEdge[] edges, bool closed, Vector3 centre, float radius, int[] sources, Vector3[]? triangleColors)
    {
        Positions = positions;
        SourceVertices = sources;
        TriangleColors = triangleColors;
        Triangles = triangles;
        Planes = planes;
        Edges = edges;
        Closed = closed;
        Centre = centre;
        Radius = radius;
    }

    public Vector3[] Positions { get; }

    /// <summary>For each welded vertex, the mesh vertex it was first taken from (what a deformation moves it by).</summary>
    public int[] SourceVertices { get; }

    /// <summary>
    /// Per triangle, the mean of its corners' vertex colours (the shaded pass is flat, one colour per triangle), or null
    /// when the mesh has no vertex colours.
    /// </summary>
    public Vector3[]? TriangleColors { get; }

    /// <summary>Counter-clockwise triangles as triples of indices into <see cref="Positions"/>.</summary>
    public int[] Triangles { get; }

    /// <summary>
    /// Each triangle's plane in object space: normal (counter-clockwise side) in X, Y, Z and its offset in W, so a point
    /// p is in front of triangle t when Dot(normal, p) + W &gt; 0. Unit normals when built; a posable copy's
    /// <see cref="Repose"/> leaves them unnormalised.
    /// </summary>
    public Vector4[] Planes { get; }

    public int TriangleCount => Triangles.Length / 3;

    public MeshEdge[] Edges { get; }

    public bool Closed { get; }

    /// <summary>Centre of the bounding sphere in object space.</summary>
    public Vector3 Centre { get; private set; }

    public float Radius { get; private set; }

    /// <summary>The prepared geometry of <paramref name="mesh"/>, built on first use and shared by every later render.</summary>
    public static MeshGeometry For(Mesh mesh) => Cache.GetValue(mesh, Build);

    public static MeshGeometry Build(Mesh mesh)
    {
        var (min, max) = mesh.Bounds();
        var extent = MathF.Max(1e-6f, (max - min).Length());
        var cell = extent * 1e-5f;

        var (positions, remap, sources) = Weld(mesh.Positions, cell);
        var (triangles, planes, kept) = KeepRealTriangles(mesh.Indices, remap, positions, cell);
        var (edges, closed) = ClassifyEdges(triangles, planes, positions.Length);
        var (centre, radius) = Sphere(positions);
        return new MeshGeometry(positions, triangles, planes, edges, closed && edges.Length > 0, centre, radius, sources, TriangleColorsOf(mesh, kept));
    }

    /// <summary>
    /// A copy whose positions, planes and bounds <see cref="Repose"/> may overwrite (a deforming mesh, one per renderer);
    /// triangles, edges and colours stay shared.
    /// </summary>
    public MeshGeometry Posable() =>
        new((Vector3[])Positions.Clone(), Triangles, (Vector4[])Planes.Clone(), Edges, Closed, Centre, Radius, SourceVertices, TriangleColors);

    /// <summary>
    /// After <see cref="Positions"/> were overwritten: each triangle's plane and the bounding sphere again. The planes'
    /// normals are left unnormalised (facing tests need only their sign; shading normalises), and the sphere is the one
    /// around the bounding box (one pass, a little larger): both keep the per-frame cost of a deforming mesh low.
    /// </summary>
    public void Repose()
    {
        var chunks = (Planes.Length + ReposeChunk - 1) / ReposeChunk;
        if (chunks < 2)
        {
            PlanesOf(0, Planes.Length);
        }
        else
        {
            Parallel.For(0, chunks, c => PlanesOf(c * ReposeChunk, Math.Min(Planes.Length, (c + 1) * ReposeChunk)));
        }

        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        foreach (var p in Positions)
        {
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }

        (Centre, Radius) = Positions.Length == 0 ? (Vector3.Zero, 0f) : ((min + max) * 0.5f, Vector3.Distance(min, max) * 0.5f);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PlanesOf(int start, int end)
    {
        var positions = Positions;
        var triangles = Triangles;
        var planes = Planes;
        for (var t = start; t < end; t++)
        {
            Vector3 a = positions[triangles[3 * t]], b = positions[triangles[(3 * t) + 1]], c = positions[triangles[(3 * t) + 2]];
            var n = Vector3.Cross(b - a, c - a);
            planes[t] = new Vector4(n, -Vector3.Dot(n, a));
        }
    }

    private static (Vector3 Centre, float Radius) Sphere(Vector3[] positions)
    {
        if (positions.Length == 0)
        {
            return (Vector3.Zero, 0f);
        }

        var min = new Vector3(float.MaxValue);
        var max = new Vector3(float.MinValue);
        foreach (var p in positions)
        {
            min = Vector3.Min(min, p);
            max = Vector3.Max(max, p);
        }

        var centre = (min + max) * 0.5f;
        var radius = 0f;
        foreach (var p in positions)
        {
            radius = MathF.Max(radius, Vector3.DistanceSquared(p, centre));
        }

        return (centre, MathF.Sqrt(radius));
    }

    /// <summary>The mean vertex colour of each kept triangle (its corners in the mesh before welding).</summary>
    private static Vector3[]? TriangleColorsOf(Mesh mesh, int[] kept)
    {
        if (mesh.Colors is not { } colors || colors.Length < mesh.Positions.Length)
        {
            return null;
        }

        var result = new Vector3[kept.Length];
        var indices = mesh.Indices;
        for (var f = 0; f < kept.Length; f++)
        {
            var t = kept[f];
            result[f] = (colors[indices[3 * t]] + colors[indices[(3 * t) + 1]] + colors[indices[(3 * t) + 2]]) / 3f;
        }

        return result;
    }

    /// <summary>
    /// Welds vertices whose positions round to the same cell of size <paramref name="cell"/>: an open-addressing hash
    /// table over the quantised positions. Welded vertices keep the order of their first occurrence.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Vector3[] Positions, int[] Remap, int[] Sources) Weld(Vector3[] source, float cell)
    {
        var n = source.Length;
        var keys = new (long X, long Y, long Z)[n];
        Parallel.For(0, (n + 65535) / 65536, chunk =>
        {
            var end = Math.Min(n, (chunk + 1) * 65536);
            for (var i = chunk * 65536; i < end; i++)
            {
                var p = source[i];
                keys[i] = ((long)MathF.Round(p.X / cell), (long)MathF.Round(p.Y / cell), (long)MathF.Round(p.Z / cell));
            }
        });

        var mask = TableMask(n);
        var table = new int[mask + 1];
        Array.Fill(table, -1);
        var remap = new int[n];
        var firsts = new int[n];
        var count = 0;
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            var slot = (int)(Hash((ulong)key.X * 0x9E3779B97F4A7C15UL ^ (ulong)key.Y * 0xC2B2AE3D27D4EB4FUL ^ (ulong)key.Z * 0x165667B19E3779F9UL) & (ulong)mask);
            while (true)
            {
                var found = table[slot];
                if (found < 0)
                {
                    table[slot] = count;
                    firsts[count] = i;
                    remap[i] = count++;
                    break;
                }

                if (keys[firsts[found]] == key)
                {
                    remap[i] = found;
                    break;
                }

                slot = (slot + 1) & mask;
            }
        }

        var positions = new Vector3[count];
        for (var v = 0; v < count; v++)
        {
            positions[v] = source[firsts[v]];
        }

        return (positions, remap, firsts[..count]);
    }

    /// <summary>Triangles with three distinct welded corners and a real area, with their planes and their indices in the mesh.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (int[] Triangles, Vector4[] Planes, int[] Kept) KeepRealTriangles(int[] indices, int[] remap, Vector3[] positions, float cell)
    {
        var count = indices.Length / 3;
        var planes = new Vector4[count];
        var keep = new bool[count];
        Parallel.For(0, (count + 65535) / 65536, chunk =>
        {
            var end = Math.Min(count, (chunk + 1) * 65536);
            for (var t = chunk * 65536; t < end; t++)
            {
                int a = remap[indices[3 * t]], b = remap[indices[(3 * t) + 1]], c = remap[indices[(3 * t) + 2]];
                if (a == b || b == c || a == c)
                {
                    continue;
                }

                var n = Vector3.Cross(positions[b] - positions[a], positions[c] - positions[a]);
                var area2 = n.Length();
                if (area2 <= cell * cell)
                {
                    continue;
                }

                n /= area2;
                planes[t] = new Vector4(n, -Vector3.Dot(n, positions[a]));
                keep[t] = true;
            }
        });

        var kept = 0;
        foreach (var k in keep)
        {
            kept += k ? 1 : 0;
        }

        var triangles = new int[3 * kept];
        var keptPlanes = kept == count ? planes : new Vector4[kept];
        var keptIndices = new int[kept];
        var f = 0;
        for (var t = 0; t < count; t++)
        {
            if (!keep[t])
            {
                continue;
            }

            keptIndices[f] = t;
            triangles[3 * f] = remap[indices[3 * t]];
            triangles[(3 * f) + 1] = remap[indices[(3 * t) + 1]];
            triangles[(3 * f) + 2] = remap[indices[(3 * t) + 2]];
            keptPlanes[f++] = planes[t];
        }

        return (triangles, keptPlanes, keptIndices);
    }

    /// <summary>
    /// Finds the triangles on each edge: every edge is filed under its smaller vertex (a counting sort over vertices,
    /// so a vertex's few edges sit together and triangles that are near in the index list touch nearby memory), then
    /// matched by its larger vertex. Edges keep the order in which the triangles first meet them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (MeshEdge[] Edges, bool Closed) ClassifyEdges(int[] triangles, Vector4[] planes, int vertexCount)
    {
        var faces = planes.Length;

        // Room per vertex for the edges it is the smaller end of (at most one per half-edge).
        var starts = new int[vertexCount + 1];
        for (var h = 0; h < triangles.Length; h++)
        {
            var u = triangles[h];
            var v = triangles[h % 3 == 2 ? h - 2 : h + 1];
            starts[Math.Min(u, v) + 1]++;
        }

        for (var i = 1; i <= vertexCount; i++)
        {
            starts[i] += starts[i - 1];
        }

        // Written before they are read: no need to clear them. second is −1 while an edge has one triangle and
        // int.MinValue once it has more than two (a non-manifold edge, drawn like a boundary).
        var filled = new int[vertexCount];
        var slots = GC.AllocateUninitializedArray<int>(triangles.Length);
        var other = GC.AllocateUninitializedArray<int>(triangles.Length);
        var first = GC.AllocateUninitializedArray<int>(triangles.Length);
        var second = GC.AllocateUninitializedArray<int>(triangles.Length);
        var edgeCount = 0;
        for (var f = 0; f < faces; f++)
        {
            for (var k = 0; k < 3; k++)
            {
                var u = triangles[(3 * f) + k];
                var v = triangles[(3 * f) + (k == 2 ? 0 : k + 1)];
                var (lo, hi) = u < v ? (u, v) : (v, u);
                int at = starts[lo], end = at + filled[lo], e = -1;
                for (; at < end; at++)
                {
                    if (other[at] == hi)
                    {
                        e = slots[at];
                        break;
                    }
                }

                if (e < 0)
                {
                    other[end] = hi;
                    slots[end] = edgeCount;
                    filled[lo]++;
                    first[edgeCount] = f;
                    second[edgeCount++] = -1;
                }
                else
                {
                    second[e] = second[e] == -1 ? f : int.MinValue;
                }
            }
        }

        // The ends of edge e, from the slot that filed it.
        var lower = GC.AllocateUninitializedArray<int>(edgeCount);
        var upper = GC.AllocateUninitializedArray<int>(edgeCount);
        for (var lo = 0; lo < vertexCount; lo++)
        {
            for (int at = starts[lo], end = at + filled[lo]; at < end; at++)
            {
                lower[slots[at]] = lo;
                upper[slots[at]] = other[at];
            }
        }

        var cosFeature = MathF.Cos(FeatureAngleDegrees * MathF.PI / 180f);
        var edges = new MeshEdge[edgeCount];
        var open = 0;
        Parallel.For(0, (edgeCount + 65535) / 65536, chunk =>
        {
            var end = Math.Min(edgeCount, (chunk + 1) * 65536);
            var boundary = 0;
            for (var e = chunk * 65536; e < end; e++)
            {
                if (second[e] >= 0)
                {
                    var crease = Vector3.Dot(Normal(planes[first[e]]), Normal(planes[second[e]])) < cosFeature;
                    edges[e] = new MeshEdge(lower[e], upper[e], first[e], second[e], crease);
                }
                else
                {
                    boundary++;
                    edges[e] = new MeshEdge(lower[e], upper[e], first[e], -1, Feature: true);
                }
            }

            Interlocked.Add(ref open, boundary);
        });

        return (edges, open == 0);
    }

    private static Vector3 Normal(Vector4 plane) => new(plane.X, plane.Y, plane.Z);

    /// <summary>A power of two minus one, at least twice <paramref name="entries"/>, so the table stays under half full.</summary>
    private static int TableMask(int entries) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, entries * 2)) - 1;

    /// <summary>Finaliser of SplitMix64: spreads neighbouring keys over the whole table.</summary>
    private static ulong Hash(ulong x)
    {
        x ^= x >> 30;
        x *= 0xBF58476D1CE4E5B9UL;
        x ^= x >> 27;
        x *= 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
