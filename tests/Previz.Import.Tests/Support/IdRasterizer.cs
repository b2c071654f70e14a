using System.Numerics;
using Previz.Core.Cameras;
using Previz.Core.Sampling;

namespace Previz.Import.Tests.Support;

/// <summary>
/// The smallest honest renderer for silhouettes: fills every object's triangles with a depth test into an id buffer
/// (−1 = background), with pixel centres at +0.5 like <see cref="CameraPose.ProjectToPixel"/>.
/// </summary>
internal static class IdRasterizer
{
    public static int[] Render(ScenePose pose, CameraPose camera, int width, int height)
    {
        var ids = new int[width * height];
        var depth = new float[width * height];
        Array.Fill(ids, -1);
        Array.Fill(depth, float.MaxValue);
        var viewProjection = camera.ViewProjection;
        for (var o = 0; o < pose.Objects.Count; o++)
        {
            var mesh = pose.Objects[o].Subject.Mesh;
            if (mesh is null || mesh.TriangleCount == 0)
            {
                continue;
            }

            var mvp = pose.Objects[o].World * viewProjection;
            var screen = new Vector3[mesh.Positions.Length];
            var valid = new bool[mesh.Positions.Length];
            for (var i = 0; i < screen.Length; i++)
            {
                var clip = Vector4.Transform(new Vector4(mesh.Positions[i], 1), mvp);
                valid[i] = clip.W > 1e-4f;
                screen[i] = new Vector3(((clip.X / clip.W) + 1) * 0.5f * width, (1 - (clip.Y / clip.W)) * 0.5f * height, clip.Z / clip.W);
            }

            for (var t = 0; t < mesh.Indices.Length; t += 3)
            {
                int a = mesh.Indices[t], b = mesh.Indices[t + 1], c = mesh.Indices[t + 2];
                if (valid[a] && valid[b] && valid[c])
                {
                    Fill(screen[a], screen[b], screen[c], o, ids, depth, width, height);
                }
            }
        }

        return ids;
    }

    private static void Fill(Vector3 a, Vector3 b, Vector3 c, int id, int[] ids, float[] depth, int width, int height)
    {
        var area = Edge(a, b, c.X, c.Y);
        if (MathF.Abs(area) < 1e-12f)
        {
            return;
        }

        var minX = Math.Max(0, (int)MathF.Floor(MathF.Min(a.X, MathF.Min(b.X, c.X))));
        var maxX = Math.Min(width - 1, (int)MathF.Ceiling(MathF.Max(a.X, MathF.Max(b.X, c.X))));
        var minY = Math.Max(0, (int)MathF.Floor(MathF.Min(a.Y, MathF.Min(b.Y, c.Y))));
        var maxY = Math.Min(height - 1, (int)MathF.Ceiling(MathF.Max(a.Y, MathF.Max(b.Y, c.Y))));
        for (var y = minY; y <= maxY; y++)
        {
            var py = y + 0.5f;
            for (var x = minX; x <= maxX; x++)
            {
                var px = x + 0.5f;
                var w0 = Edge(b, c, px, py) / area;
                var w1 = Edge(c, a, px, py) / area;
                var w2 = 1 - w0 - w1;
                if (w0 < 0 || w1 < 0 || w2 < 0)
                {
                    continue;
                }

                var z = (w0 * a.Z) + (w1 * b.Z) + (w2 * c.Z);
                var i = (y * width) + x;
                if (z < depth[i])
                {
                    depth[i] = z;
                    ids[i] = id;
                }
            }
        }
    }

    private static float Edge(Vector3 a, Vector3 b, float x, float y) => ((b.X - a.X) * (y - a.Y)) - ((b.Y - a.Y) * (x - a.X));
}
