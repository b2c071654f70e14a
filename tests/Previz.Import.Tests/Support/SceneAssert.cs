using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Scenes;

namespace Previz.Import.Tests.Support;

/// <summary>Field-by-field scene comparison: ids, kinds, transforms, every key (time, value, interpolation), shots.</summary>
internal static class SceneAssert
{
    private const float Tolerance = 1e-6f;

    public static void Same(SceneDocument expected, SceneDocument actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Description, actual.Description);
        Assert.Equal(expected.Style, actual.Style);
        Assert.Equal(expected.Lighting, actual.Lighting);
        SameEnvironment(expected.Environment, actual.Environment);
        Assert.Equal(expected.Objects.Select(o => o.Id), actual.Objects.Select(o => o.Id));
        for (var i = 0; i < expected.Objects.Count; i++)
        {
            var e = expected.Objects[i];
            var a = actual.Objects[i];
            Assert.Equal((e.Name, e.Description, e.Hero, e.Shape, e.ParentId, e.Color.ToHex()), (a.Name, a.Description, a.Hero, a.Shape, a.ParentId, a.Color.ToHex()));
            Close(e.Size, a.Size);
            SameTransform(e.Transform, a.Transform);
            Assert.Equal(e.References, a.References);
            SameAnimation(e.Animation, a.Animation);
            if (e.Mesh is { } mesh)
            {
                Assert.Equal(mesh.Positions, a.Mesh!.Positions);
                Assert.Equal(mesh.Indices, a.Mesh.Indices);
            }
        }

        Assert.Equal(expected.Cameras.Select(c => c.Id), actual.Cameras.Select(c => c.Id));
        for (var i = 0; i < expected.Cameras.Count; i++)
        {
            var e = expected.Cameras[i];
            var a = actual.Cameras[i];
            Assert.Equal((e.Name, e.AimTargetId, e.ParentId, e.Lens, e.Near, e.Far), (a.Name, a.AimTargetId, a.ParentId, a.Lens, a.Near, a.Far));
            Close(e.Transform.Position, a.Transform.Position);
            Close(e.Transform.Rotation, a.Transform.Rotation);
            SameAnimation(e.Animation.Transform, a.Animation.Transform);
            SameKeys(e.Animation.FocalLength.Keys, a.Animation.FocalLength.Keys, (x, y) => Assert.Equal(x, y, Tolerance));
            Assert.Equal(e.Animation.Aim.Keys, a.Animation.Aim.Keys);
        }

        Assert.Equal(expected.Shots.Count, actual.Shots.Count);
        for (var i = 0; i < expected.Shots.Count; i++)
        {
            var e = expected.Shots[i];
            var a = actual.Shots[i];
            Assert.Equal((e.Id, e.Name, e.Description, e.CameraId, e.FocalLengthMm, e.Start, e.Duration, e.Fps), (a.Id, a.Name, a.Description, a.CameraId, a.FocalLengthMm, a.Start, a.Duration, a.Fps));
            Assert.Equal(e.Aspect.Value, a.Aspect.Value, 1e-12);
        }
    }

    private static void SameEnvironment(SceneEnvironment e, SceneEnvironment a)
    {
        Assert.Equal((e.TimeOfDay, e.SunIntensity, e.Ambient, e.FogDensity), (a.TimeOfDay, a.SunIntensity, a.Ambient, a.FogDensity));
        Assert.Equal(
            (e.SkyColor.ToHex(), e.HorizonColor.ToHex(), e.GroundColor.ToHex(), e.FogColor.ToHex()),
            (a.SkyColor.ToHex(), a.HorizonColor.ToHex(), a.GroundColor.ToHex(), a.FogColor.ToHex()));
        Close(e.SunDirection, a.SunDirection);
    }

    private static void SameTransform(Transform e, Transform a)
    {
        Close(e.Position, a.Position);
        Close(e.Rotation, a.Rotation);
        Close(e.Scale, a.Scale);
    }

    private static void SameAnimation(TransformAnimation e, TransformAnimation a)
    {
        SameKeys(e.Position.Keys, a.Position.Keys, Close);
        SameKeys(e.Rotation.Keys, a.Rotation.Keys, Close);
        SameKeys(e.Scale.Keys, a.Scale.Keys, Close);
    }

    private static void SameKeys<T>(IReadOnlyList<Keyframe<T>> expected, IReadOnlyList<Keyframe<T>> actual, Action<T, T> close)
        where T : struct
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var k = 0; k < expected.Count; k++)
        {
            var cubic = expected[k].Interpolation == Interpolation.CubicSpline;
            // glTF stores key times as 32-bit floats: keys that only the file's channels hold come back at that precision.
            Assert.Equal(expected[k].Time, actual[k].Time, cubic ? 1e-6 : 0);
            Assert.Equal(expected[k].Interpolation, actual[k].Interpolation);
            close(expected[k].Value, actual[k].Value);
            if (cubic)
            {
                close(expected[k].InTangent, actual[k].InTangent);
                close(expected[k].OutTangent, actual[k].OutTangent);
            }
        }
    }

    private static void Close(Vector3 e, Vector3 a) =>
        Assert.True(Vector3.Distance(e, a) <= Tolerance * MathF.Max(1, e.Length()), $"expected {e}, got {a}");

    private static void Close(Quaternion e, Quaternion a) =>
        Assert.True(Vector4.Distance(new Vector4(e.X, e.Y, e.Z, e.W), new Vector4(a.X, a.Y, a.Z, a.W)) <= 4 * Tolerance, $"expected {e}, got {a}");
}
