using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Characters;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Bench;

/// <summary>
/// A synthetic rigged character for the benchmarks: a closed tube 1.8 m tall of about VERTICES vertices, skinned with
/// four influences to a chain of 24 joints that all turn over a 2 s clip "sway".
/// </summary>
internal static class SkinnedCharacter
{
    public const int Joints = 24;
    private const float Height = 1.8f;

    public static Mesh Build(int vertices)
    {
        const int Segments = 100;
        var rings = Math.Max(2, vertices / Segments);
        var step = Height / Joints;
        var nodes = new List<RigNode>();
        var tracks = new Dictionary<int, TransformAnimation>();
        for (var j = 0; j < Joints; j++)
        {
            nodes.Add(new RigNode($"j{j}", j - 1, new Transform(j == 0 ? Vector3.Zero : new Vector3(0, step, 0), Quaternion.Identity, Vector3.One)));
            var turn = Quaternion.CreateFromAxisAngle(Vector3.Normalize(new Vector3(1, 0, j % 3)), 0.06f);
            tracks[j] = new TransformAnimation(
                new Vector3Track([]),
                new QuaternionTrack([
                    new Keyframe<Quaternion>(0, Quaternion.Identity, Interpolation.Linear),
                    new Keyframe<Quaternion>(1, turn, Interpolation.Linear),
                    new Keyframe<Quaternion>(2, Quaternion.Identity, Interpolation.Linear),
                ]),
                new Vector3Track([]));
        }

        var clip = new RigClip("sway", 0, 2, tracks, new Dictionary<int, WeightTrack>());
        var count = rings * Segments;
        var bind = new Vector3[count];
        var joints = new int[count * 4];
        var weights = new float[count * 4];
        for (var r = 0; r < rings; r++)
        {
            var y = Height * r / (rings - 1);
            var radius = 0.18f + (0.07f * MathF.Sin(MathF.PI * y / Height));
            var j = Math.Min(Joints - 1, (int)(y / step));
            for (var s = 0; s < Segments; s++)
            {
                var v = (r * Segments) + s;
                var angle = MathF.Tau * s / Segments;
                bind[v] = new Vector3(radius * MathF.Cos(angle), y, radius * MathF.Sin(angle));
                for (var k = 0; k < 4; k++)
                {
                    joints[(4 * v) + k] = Math.Clamp(j + k - 1, 0, Joints - 1);
                    weights[(4 * v) + k] = k == 1 ? 0.55f : 0.15f;
                }
            }
        }

        var indices = new List<int>(6 * rings * Segments);
        for (var r = 0; r + 1 < rings; r++)
        {
            for (var s = 0; s < Segments; s++)
            {
                int a = (r * Segments) + s, b = (r * Segments) + ((s + 1) % Segments), c = a + Segments, d = b + Segments;
                indices.AddRange([a, c, b, b, c, d]);
            }
        }

        var inverseBind = new Matrix4x4[Joints];
        for (var j = 0; j < Joints; j++)
        {
            inverseBind[j] = Matrix4x4.CreateTranslation(0, -step * j, 0);
        }

        var deformation = new MeshDeformation(
            new Rig(nodes, [clip], clip),
            -1,
            bind,
            new SkinBinding([.. Enumerable.Range(0, Joints)], inverseBind, 4, joints, weights),
            [],
            PlaysAllClipsWithoutAction: false);
        return new Mesh(bind, [.. indices]) { Deformation = deformation };
    }

    /// <summary>
    /// The scene with <paramref name="count"/> characters on the pitch, each playing the clip from its own start, or
    /// (<paramref name="animated"/> false) standing still: the same triangles without the per-frame skinning.
    /// </summary>
    public static SceneDocument AddTo(SceneDocument scene, int count, int vertices, bool animated = true)
    {
        var mesh = Build(vertices);
        var objects = scene.Objects.ToList();
        for (var i = 0; i < count; i++)
        {
            objects.Add(new SceneObject
            {
                Id = $"character-{i}",
                Shape = ShapeKind.Mesh,
                Mesh = mesh,
                Color = new ColorRgb(0.8f, 0.2f + (0.05f * i), 0.2f),
                Transform = new Transform(new Vector3(-20 + (5 * i), 0, (i % 3 * 6) - 6), Quaternion.Identity, Vector3.One),
                Action = animated ? new ClipAction("sway", Start: 0.1 * i) : null,
            });
        }

        return scene with { Objects = objects };
    }
}
