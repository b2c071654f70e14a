using System.Numerics;
using Previz.Core.Animation;
using Previz.Core.Geometry;
using Previz.Core.Scenes;

namespace Previz.Bench;

/// <summary>
/// A stand-in for samples/stadium.previz.json built in code (about 60 objects: pitch and markings, goals, stands,
/// floodlight masts, 22 players and a ball) with a slow dolly shot, for when the sample file is not available.
/// </summary>
internal static class StadiumScene
{
    public static SceneDocument Build()
    {
        var objects = new List<SceneObject>
        {
            Obj("pitch", ShapeKind.Plane, new(105, 0, 68), new(0, 0, 0), "#3a8f3a"),
            Obj("surround", ShapeKind.Plane, new(140, 0, 100), new(0, -0.02f, 0), "#2f6f35"),
            Obj("halfway-line", ShapeKind.Box, new(0.12f, 0.02f, 68), new(0, 0.01f, 0), "#f2f2f2"),
            Obj("centre-spot", ShapeKind.Cylinder, new(0.4f, 0.02f, 0.4f), new(0, 0.01f, 0), "#f2f2f2"),
            Obj("touchline-n", ShapeKind.Box, new(105, 0.02f, 0.12f), new(0, 0.01f, -34), "#f2f2f2"),
            Obj("touchline-s", ShapeKind.Box, new(105, 0.02f, 0.12f), new(0, 0.01f, 34), "#f2f2f2"),
            Obj("goalline-w", ShapeKind.Box, new(0.12f, 0.02f, 68), new(-52.5f, 0.01f, 0), "#f2f2f2"),
            Obj("goalline-e", ShapeKind.Box, new(0.12f, 0.02f, 68), new(52.5f, 0.01f, 0), "#f2f2f2"),
        };

        foreach (var (side, x) in new[] { ("w", -52.5f), ("e", 52.5f) })
        {
            var sign = MathF.Sign(x);
            objects.Add(Obj($"goal-{side}-post-n", ShapeKind.Cylinder, new(0.12f, 2.44f, 0.12f), new(x, 1.22f, -3.66f), "#ffffff"));
            objects.Add(Obj($"goal-{side}-post-s", ShapeKind.Cylinder, new(0.12f, 2.44f, 0.12f), new(x, 1.22f, 3.66f), "#ffffff"));
            objects.Add(Obj($"goal-{side}-bar", ShapeKind.Box, new(0.12f, 0.12f, 7.44f), new(x, 2.44f, 0), "#ffffff"));
            objects.Add(Obj($"goal-{side}-net", ShapeKind.Box, new(2f, 2.4f, 7.3f), new(x + (sign * 1.1f), 1.2f, 0), "#d0d0d8"));
            objects.Add(Obj($"box-{side}", ShapeKind.Box, new(16.5f, 0.02f, 40.3f), new(x - (sign * 8.25f), 0.005f, 0), "#46a046"));
        }

        // Stands: a lower and an upper tier on each side.
        objects.Add(Obj("stand-n-lower", ShapeKind.Box, new(120, 8, 14), new(0, 4, -48), "#5a6270"));
        objects.Add(Obj("stand-n-upper", ShapeKind.Box, new(120, 10, 10), new(0, 11, -58), "#4a5260"));
        objects.Add(Obj("stand-s-lower", ShapeKind.Box, new(120, 8, 14), new(0, 4, 48), "#5a6270"));
        objects.Add(Obj("stand-s-upper", ShapeKind.Box, new(120, 10, 10), new(0, 11, 58), "#4a5260"));
        objects.Add(Obj("stand-w", ShapeKind.Box, new(14, 9, 80), new(-68, 4.5f, 0), "#606876"));
        objects.Add(Obj("stand-e", ShapeKind.Box, new(14, 9, 80), new(68, 4.5f, 0), "#606876"));
        objects.Add(Obj("roof-n", ShapeKind.Box, new(124, 0.6f, 22), new(0, 18, -55), "#c8ccd2"));
        objects.Add(Obj("roof-s", ShapeKind.Box, new(124, 0.6f, 22), new(0, 18, 55), "#c8ccd2"));

        // Floodlight masts at the corners.
        foreach (var (i, x, z) in new[] { (1, -75f, -60f), (2, 75f, -60f), (3, -75f, 60f), (4, 75f, 60f) })
        {
            objects.Add(Obj($"mast-{i}", ShapeKind.Cylinder, new(1f, 40, 1f), new(x, 20, z), "#9aa0a8"));
            objects.Add(Obj($"mast-{i}-lights", ShapeKind.Box, new(6, 3, 1), new(x, 41, z), "#fff6d0"));
        }

        // Two teams of eleven, plus the ball.
        var random = new Random(7);
        for (var team = 0; team < 2; team++)
        {
            for (var p = 0; p < 11; p++)
            {
                var x = ((team == 0 ? -1 : 1) * (5 + (p * 4.2f))) + ((float)random.NextDouble() * 4);
                var z = ((p % 5) - 2) * 12f + ((float)random.NextDouble() * 5);
                var run = new Vector3((float)random.NextDouble() - 0.5f, 0, (float)random.NextDouble() - 0.5f) * 8;
                objects.Add(Obj($"player-{team}-{p}", ShapeKind.Capsule, new(0.5f, 1.8f, 0.35f), new(x, 0.9f, z), team == 0 ? "#d33a2c" : "#2c5ad3") with
                {
                    Animation = new TransformAnimation(
                        new Vector3Track([new(0, new Vector3(x, 0.9f, z)), new(10, new Vector3(x, 0.9f, z) + run)]),
                        new QuaternionTrack([]),
                        new Vector3Track([])),
                });
            }
        }

        objects.Add(Obj("ball", ShapeKind.Sphere, new(0.22f, 0.22f, 0.22f), new(0, 0.11f, 0), "#f5f5f5") with
        {
            Animation = new TransformAnimation(
                new Vector3Track([new(0, new Vector3(0, 0.11f, 0)), new(5, new Vector3(12, 0.11f, 6)), new(10, new Vector3(20, 0.11f, -4))]),
                new QuaternionTrack([]),
                new Vector3Track([])),
        });

        var camera = new SceneCamera
        {
            Id = "dolly",
            Transform = new Transform(new Vector3(-45, 14, 45), Quaternion.Identity, Vector3.One),
            AimTargetId = "ball",
            Lens = new Lens { FocalLengthMm = 28 },
            Far = 500,
            Animation = new CameraAnimation(
                new TransformAnimation(
                    new Vector3Track([new(0, new Vector3(-45, 14, 45)), new(10, new Vector3(45, 14, 45))]),
                    new QuaternionTrack([]),
                    new Vector3Track([])),
                new ScalarTrack([]),
                new AimTrack([])),
        };

        return new SceneDocument
        {
            Name = "stadium",
            Environment = SceneEnvironment.Default,
            Objects = objects,
            Cameras = [camera],
            Shots = [new Shot { Id = "dolly", CameraId = "dolly", Duration = 10, Fps = 24 }],
        };
    }

    private static SceneObject Obj(string id, ShapeKind shape, Vector3 size, Vector3 position, string colour) => new()
    {
        Id = id,
        Shape = shape,
        Size = size,
        Transform = new Transform(position, Quaternion.Identity, Vector3.One),
        Color = ColorRgb.FromHex(colour),
    };
}
